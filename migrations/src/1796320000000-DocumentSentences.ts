import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every scored sentence of a document, one row per document with parallel arrays (offsets, score, speaker,
 * claim type) and the document's threshold. Documents processed before this migration have no row: their
 * page says so (their claims are unchanged) until they are scored again (`npm run backfill:sentences`).
 */
export class DocumentSentences1796320000000 implements MigrationInterface {
  name = 'DocumentSentences1796320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_sentences" ("document_id" uuid NOT NULL, "threshold" real NOT NULL, "detected_threshold" real NOT NULL, "speakers" text array NOT NULL, "starts" integer array NOT NULL, "ends" integer array NOT NULL, "scores" real array NOT NULL, "speaker_indexes" smallint array NOT NULL, "claim_types" "public"."claim_type" array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_document_sentences" PRIMARY KEY ("document_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_sentences" ADD CONSTRAINT "FK_document_sentences_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_sentences"`);
  }
}
