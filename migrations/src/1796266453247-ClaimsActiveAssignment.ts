import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims carry their active assignment's assignee and due date (`claims.assignee_id`, `claims.due_at`), kept
 * by a trigger on assignments, so that the inbox's "assigned to" filter and "due" sort read claims in order
 * off an index of the claims table alone. Across the two tables the planner could not see that a person's
 * claims are all in the working states, and sorting by a column of another table meant a join per page.
 * The assignments table stays the record (history, notes); the application never writes the copy, so no
 * code path can let the two disagree.
 */
export class ClaimsActiveAssignment1796266453247 implements MigrationInterface {
  name = 'ClaimsActiveAssignment1796266453247';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "assignee_id" uuid`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_claims_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "claims" c SET "assignee_id" = a."assignee_id", "due_at" = a."due_at" FROM "assignments" a WHERE a."claim_id" = c."id" AND a."state" = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_assignee_score" ON "claims" ("assignee_id", "score", "id") WHERE "assignee_id" IS NOT NULL`,
    );
    // The "due" sort's key: the due date, or else infinity (after every date), with the id for keyset paging.
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_due_id" ON "claims" ((coalesce("due_at", 'infinity'::timestamptz)), "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_assignee_due_id" ON "claims" ("assignee_id", (coalesce("due_at", 'infinity'::timestamptz)), "id") WHERE "assignee_id" IS NOT NULL`,
    );
    // Recomputed from the assignments rather than copied from the changed row: a reassignment ends one row
    // and inserts another, in whichever order, and the claim ends up with whoever is active.
    await queryRunner.query(`CREATE FUNCTION factdesk_claim_active_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END;
  active_assignee uuid;
  active_due timestamptz;
BEGIN
  SELECT a.assignee_id, a.due_at INTO active_assignee, active_due FROM assignments a WHERE a.claim_id = target AND a.state = 'active';
  UPDATE claims SET assignee_id = active_assignee, due_at = active_due
  WHERE id = target AND (assignee_id IS DISTINCT FROM active_assignee OR due_at IS DISTINCT FROM active_due);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "assignments_claim_active_assignment" AFTER INSERT OR DELETE OR UPDATE OF "state", "assignee_id", "due_at", "claim_id" ON "assignments" FOR EACH ROW EXECUTE FUNCTION factdesk_claim_active_assignment()`,
    );
    await queryRunner.query(`CREATE FUNCTION factdesk_claims_unassigned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claims SET assignee_id = NULL, due_at = NULL WHERE assignee_id IS NOT NULL OR due_at IS NOT NULL;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "assignments_truncate_claim_active_assignment" AFTER TRUNCATE ON "assignments" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_claims_unassigned()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "assignments_truncate_claim_active_assignment" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION factdesk_claims_unassigned()`);
    await queryRunner.query(`DROP TRIGGER "assignments_claim_active_assignment" ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION factdesk_claim_active_assignment()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_assignee_due_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_due_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_assignee_score"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_claims_assignee"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "due_at"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "assignee_id"`);
  }
}
