import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each speaker's part in a document (moderator, interviewer, questioner, participant, publication): what claim
 * detection read, and an editor's word for that document; and a speaker's role in every document
 * ("always a moderator"). The inbox keeps asking speakers' lines out of "To triage" with these.
 */
export class DocumentSpeakerRoles1796310000000 implements MigrationInterface {
  name = 'DocumentSpeakerRoles1796310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."speaker_role" AS ENUM('moderator', 'interviewer', 'questioner', 'participant', 'publication')`,
    );
    await queryRunner.query(`ALTER TABLE "speakers" ADD "default_role" "public"."speaker_role"`);
    await queryRunner.query(
      `CREATE TABLE "document_speakers" ("document_id" uuid NOT NULL, "speaker_id" uuid NOT NULL, "detected_role" "public"."speaker_role", "document_role" "public"."speaker_role", CONSTRAINT "PK_document_speakers" PRIMARY KEY ("document_id", "speaker_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_document_speakers_speaker" ON "document_speakers" ("speaker_id") `);
    await queryRunner.query(
      `ALTER TABLE "document_speakers" ADD CONSTRAINT "FK_document_speakers_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_speakers" ADD CONSTRAINT "FK_document_speakers_speaker" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_speakers"`);
    await queryRunner.query(`ALTER TABLE "speakers" DROP COLUMN "default_role"`);
    await queryRunner.query(`DROP TYPE "public"."speaker_role"`);
  }
}
