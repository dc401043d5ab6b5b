import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * verdict_versions: every content version of a verdict with who made it (an editor's correction is the
 * editor's); existing verdicts keep their current version, credited to their author. corrections.fields:
 * what a correction changed, for the public log's "Corrected the analysis and sources".
 */
export class VerdictVersionsCorrectionFields1796500000000 implements MigrationInterface {
  name = 'VerdictVersionsCorrectionFields1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "verdict_versions" ("verdict_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "author_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31213e45d8f9c199cf872241f40" PRIMARY KEY ("verdict_id", "version"))`,
    );
    await queryRunner.query(`ALTER TABLE "corrections" ADD "fields" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "verdict_versions" ADD CONSTRAINT "FK_77283e5bd5f1d002bc950b35fff" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdict_versions" ADD CONSTRAINT "FK_d48e27a9753137ec0ab7a3450e2" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The versions before this table were not kept; the current one is, as the author's.
    await queryRunner.query(
      `INSERT INTO "verdict_versions" ("verdict_id", "version", "content", "author_id", "kind", "created_at")
       SELECT v.id, v.version, jsonb_build_object(
         'ratingId', v.rating_id, 'headline', v.headline, 'conclusion', v.conclusion, 'analysis', v.analysis,
         'sources', COALESCE((SELECT jsonb_agg(jsonb_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher,
           'publishedOn', s.published_on, 'quote', s.quote, 'kind', s.kind) ORDER BY s.position)
           FROM verdict_sources s WHERE s.verdict_id = v.id), '[]'::jsonb)),
         v.author_id, 'save', v.updated_at
       FROM verdicts v`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verdict_versions" DROP CONSTRAINT "FK_d48e27a9753137ec0ab7a3450e2"`);
    await queryRunner.query(`ALTER TABLE "verdict_versions" DROP CONSTRAINT "FK_77283e5bd5f1d002bc950b35fff"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP COLUMN "fields"`);
    await queryRunner.query(`DROP TABLE "verdict_versions"`);
  }
}
