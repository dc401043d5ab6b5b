import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeated documents and claims (issue 19): a document's text fingerprint (MinHash signature and LSH bands,
 * the bands GIN-indexed so candidates are found without reading texts) and the earlier document it is a
 * version of; the `duplicate` claim state and the claim a duplicate repeats (its cluster's first claim).
 * When a cluster's first claim is deleted (with its document), its duplicates go back to triage: a statement
 * trigger, after the foreign key has cleared their link, so no deleter has to remember.
 */
export class Repeats1796600000000 implements MigrationInterface {
  name = 'Repeats1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Usable from the next transaction on: nothing below compares with it (the trigger's body runs later).
    await queryRunner.query(`ALTER TYPE "public"."claim_state" ADD VALUE IF NOT EXISTS 'duplicate' AFTER 'dismissed'`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "text_signature" integer array`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "text_bands" integer array`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "version_of_id" uuid`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "duplicate_of_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_duplicate_of" ON "claims" ("duplicate_of_id") WHERE "duplicate_of_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_documents_text_bands" ON "documents" USING gin ("text_bands")`);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_62ba6bc405c53447ba39f137c48" FOREIGN KEY ("version_of_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_6b03e008bf091184a7e1025af88" FOREIGN KEY ("duplicate_of_id") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION claims_orphaned_duplicates_to_triage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE claims SET state = 'detected', updated_at = now()
        WHERE state = 'duplicate' AND duplicate_of_id IS NULL;
        RETURN NULL;
      END $$`);
    // Named after the foreign key's own triggers ("RI_…" sorts first): they have cleared the links by then.
    await queryRunner.query(
      `CREATE TRIGGER "zz_claims_orphaned_duplicates" AFTER DELETE ON "claims" FOR EACH STATEMENT EXECUTE FUNCTION claims_orphaned_duplicates_to_triage()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "zz_claims_orphaned_duplicates" ON "claims"`);
    await queryRunner.query(`DROP FUNCTION claims_orphaned_duplicates_to_triage()`);
    await queryRunner.query(`UPDATE "claims" SET "state" = 'detected' WHERE "state" = 'duplicate'`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_6b03e008bf091184a7e1025af88"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_62ba6bc405c53447ba39f137c48"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_text_bands"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_duplicate_of"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "duplicate_of_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "version_of_id"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "text_bands"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "text_signature"`);
    // PostgreSQL cannot drop an enum value: 'duplicate' stays in claim_state, unused (the Initial migration's down drops the type).
  }
}
