import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * verdict_drafts: a person's unsaved edits to a claim's verdict, autosaved as they type (one row per claim and
 * author). Gone with the claim or the person.
 */
export class VerdictDrafts1796330000000 implements MigrationInterface {
  name = 'VerdictDrafts1796330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "verdict_drafts" ("claim_id" uuid NOT NULL, "author_id" uuid NOT NULL, "base_version" integer NOT NULL, "base" jsonb NOT NULL, "content" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34580d501206b85f7f57598aec9" PRIMARY KEY ("claim_id", "author_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdict_drafts" ADD CONSTRAINT "FK_8a5eeef637d207e1ab49b3a2aed" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdict_drafts" ADD CONSTRAINT "FK_8733125a76ddf577985cdd67482" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verdict_drafts" DROP CONSTRAINT "FK_8733125a76ddf577985cdd67482"`);
    await queryRunner.query(`ALTER TABLE "verdict_drafts" DROP CONSTRAINT "FK_8a5eeef637d207e1ab49b3a2aed"`);
    await queryRunner.query(`DROP TABLE "verdict_drafts"`);
  }
}
