import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentUploads1795449807902 implements MigrationInterface {
  name = 'DocumentUploads1795449807902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD "raw" bytea`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "raw_file_name" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "documents" ADD "raw_content_type" character varying(255)`);
    // Trigram similarity for linking near-duplicate claims and earlier fact-checks.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_text_trgm" ON "claims" USING GIN ("text" gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_text_trgm"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "raw_content_type"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "raw_file_name"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "raw"`);
  }
}
