import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeat alerts (issue 19): a claim that repeats a cluster with a live fact-check, once per claim, so the
 * editors are told once however often the worker links it, and Today lists the day's repeats.
 */
export class ClaimRepeats1796720000000 implements MigrationInterface {
  name = 'ClaimRepeats1796720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_repeats" ("claim_id" uuid NOT NULL, "head_claim_id" uuid NOT NULL, "similarity" real NOT NULL, "joined" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8228e1c2d32b25454ff12f4630" PRIMARY KEY ("claim_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_repeats_head" ON "claim_repeats"  ("head_claim_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_claim_repeats_created" ON "claim_repeats"  ("created_at") `);
    await queryRunner.query(
      `ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_f8228e1c2d32b25454ff12f4630" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_repeats" ADD CONSTRAINT "FK_df048c063d10177a7fb1cf6ee8b" FOREIGN KEY ("head_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_df048c063d10177a7fb1cf6ee8b"`);
    await queryRunner.query(`ALTER TABLE "claim_repeats" DROP CONSTRAINT "FK_f8228e1c2d32b25454ff12f4630"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_repeats_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_repeats_head"`);
    await queryRunner.query(`DROP TABLE "claim_repeats"`);
  }
}
