import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditClaimId1795449007080 implements MigrationInterface {
  name = 'AuditClaimId1795449007080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "claim_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_claim" ON "audit_events"  ("claim_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_claim"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "claim_id"`);
  }
}
