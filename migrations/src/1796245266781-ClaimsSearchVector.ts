import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims keep their English full-text vector in a stored generated column, with the GIN index on it: matching
 * a phrase and ranking by relevance then read the vector instead of parsing every candidate's text again (a
 * frequent word or a phrase search parsed thousands of claims per request). The row in typeorm_metadata is
 * how TypeORM knows the column's expression, so that its schema diff stays empty.
 */
export class ClaimsSearchVector1796245266781 implements MigrationInterface {
  name = 'ClaimsSearchVector1796245266781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "claims" ADD "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'claims', 'GENERATED_COLUMN', 'search_vector', $1)`,
      ["to_tsvector('english', text)"],
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_search_vector" ON "claims" USING GIN ("search_vector")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_text_search"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_text_search" ON "claims" USING GIN (to_tsvector('english', "text"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'claims' AND "name" = 'search_vector' AND "schema" = current_schema() AND "database" = current_database()`,
    );
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "search_vector"`);
  }
}
