import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provenance (issue 18): where and when a document's claims were made, taken at intake (date said, venue, a
 * recording and its start time, the public "appeared in" name beside the internal title), and a claim's own
 * values where an editor set them (its `said_at` and `said_where_url` already were its own date and URL).
 * Start times are whole seconds, never negative: the database holds that rule too.
 */
export class Provenance1796700000000 implements MigrationInterface {
  name = 'Provenance1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['documents', 'claims']) {
      if (table === 'documents')
        await queryRunner.query(`ALTER TABLE "documents" ADD "said_at" TIMESTAMP WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "venue" character varying(300)`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "media_url" text`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "media_start_seconds" integer`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "appeared_in" character varying(300)`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "CHK_${table}_media_start" CHECK ("media_start_seconds" >= 0)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['claims', 'documents']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CHK_${table}_media_start"`);
      for (const column of ['appeared_in', 'media_start_seconds', 'media_url', 'venue'])
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "said_at"`);
  }
}
