import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim matching asks for the few claims closest to a sentence. A GIN trigram index answers "which claims
 * pass a similarity threshold" by checking every claim sharing common trigrams, so it slowed down as the
 * table grew; a GiST index orders by trigram distance (`<->`) and stops after the closest few.
 */
export class ClaimsTrigramGist1795453000000 implements MigrationInterface {
  name = 'ClaimsTrigramGist1795453000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_claims_text_trgm"`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_text_trgm_gist" ON "claims" USING GIST ("text" gist_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_text_trgm_gist"`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_text_trgm" ON "claims" USING GIN ("text" gin_trgm_ops)`);
  }
}
