import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * publication_schedules: a claim's scheduled publication (one row per claim, kept once it fired, was
 * cancelled, cleared or failed, so its `version` only grows and a delayed job of an earlier version can tell).
 * Pending ones are indexed by time for the worker's sweep.
 */
export class PublicationSchedules1796800000000 implements MigrationInterface {
  name = 'PublicationSchedules1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."publication_schedule_state" AS ENUM('pending', 'published', 'cancelled', 'cleared', 'failed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_schedules" ("claim_id" uuid NOT NULL, "state" "public"."publication_schedule_state" NOT NULL DEFAULT 'pending', "publish_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL DEFAULT '1', "scheduled_by_id" uuid NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "error" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fa0c4303c167151afbf7510566" PRIMARY KEY ("claim_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_publication_schedules_pending" ON "publication_schedules"  ("publish_at") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "publication_schedules" ADD CONSTRAINT "FK_4fa0c4303c167151afbf7510566" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "publication_schedules" ADD CONSTRAINT "FK_b7461f35f7817133a427afc1e9b" FOREIGN KEY ("scheduled_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "publication_schedules" DROP CONSTRAINT "FK_b7461f35f7817133a427afc1e9b"`);
    await queryRunner.query(`ALTER TABLE "publication_schedules" DROP CONSTRAINT "FK_4fa0c4303c167151afbf7510566"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publication_schedules_pending"`);
    await queryRunner.query(`DROP TABLE "publication_schedules"`);
    await queryRunner.query(`DROP TYPE "public"."publication_schedule_state"`);
  }
}
