import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the public index's search reads; the entity (FactCheckVersionEntity.searchVector) states it too. */
export const FACT_CHECK_SEARCH_EXPRESSION =
  "setweight(to_tsvector('english', coalesce(snapshot->>'headline', '')), 'A') || setweight(to_tsvector('english', coalesce(snapshot#>>'{claim,text}', '')), 'A') || setweight(to_tsvector('english', coalesce(snapshot#>>'{speaker,name}', '')), 'B') || setweight(to_tsvector('english', coalesce(snapshot->>'conclusion', '')), 'B') || setweight(to_tsvector('english', coalesce(snapshot->>'analysis', '')), 'C')";

/**
 * Full-text search over published fact-checks: every snapshot keeps its English vector (headline and claim
 * weighted highest, then speaker and conclusion, then the analysis) in a stored generated column with a GIN
 * index, so a search reads vectors instead of parsing every snapshot. Snapshots are immutable, so the column
 * is computed once per version. The typeorm_metadata row keeps TypeORM's schema diff empty.
 */
export class FactCheckSearchVector1796360000000 implements MigrationInterface {
  name = 'FactCheckSearchVector1796360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "fact_check_versions" ADD "search_vector" tsvector GENERATED ALWAYS AS (${FACT_CHECK_SEARCH_EXPRESSION}) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'fact_check_versions', 'GENERATED_COLUMN', 'search_vector', $1)`,
      [FACT_CHECK_SEARCH_EXPRESSION],
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fact_check_versions_search_vector" ON "fact_check_versions" USING GIN ("search_vector")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_fact_check_versions_search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'fact_check_versions' AND "name" = 'search_vector' AND "schema" = current_schema() AND "database" = current_database()`,
    );
    await queryRunner.query(`ALTER TABLE "fact_check_versions" DROP COLUMN "search_vector"`);
  }
}
