import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims inbox orders by score, by date detected or by date said, each with the id as tie-breaker for
 * keyset paging. With an index in that order PostgreSQL reads the first page straight off it (and a deep
 * page from the cursor on) instead of sorting every claim; filters by state already have theirs. The "due"
 * sort reads claims with a due date off active assignments' due dates, in order.
 */
export class ClaimsListIndexes1795453600000 implements MigrationInterface {
  name = 'ClaimsListIndexes1795453600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_claims_score_id" ON "claims" ("score", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_created_id" ON "claims" ("created_at", "id")`);
    // The "said" sort's key: when it was said, or else when it was detected.
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_said_id" ON "claims" ((coalesce("said_at", "created_at")), "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_active_due" ON "assignments" ("due_at", "claim_id") WHERE "state" = 'active' AND "due_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_active_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_said_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_created_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_score_id"`);
  }
}
