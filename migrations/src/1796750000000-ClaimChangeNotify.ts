import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live screens (issue 17): every change to a claim, its verdict, assignment, comments or fact-check writes an
 * audit event naming the claim, in the change's own transaction. A trigger on those rows notifies
 * `factdesk_claims`, so each API process relays it to the staff's event streams — on commit only, and
 * whichever process or script made the change (the worker's scheduled publications and repeats too).
 */
export class ClaimChangeNotify1796750000000 implements MigrationInterface {
  name = 'ClaimChangeNotify1796750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION factdesk_claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('factdesk_claims', json_build_object(
    'claimId', NEW.claim_id, 'action', NEW.action, 'actorId', NEW.actor_id)::text);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_claim_change" AFTER INSERT ON "audit_events" FOR EACH ROW WHEN (NEW.claim_id IS NOT NULL) EXECUTE FUNCTION factdesk_claim_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_events_claim_change" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION factdesk_claim_changed()`);
  }
}
