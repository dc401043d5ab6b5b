import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SourceItems1795452066622 implements MigrationInterface {
  name = 'SourceItems1795452066622';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "source_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "item_key" text NOT NULL, "url" text NOT NULL, "title" text, "published_at" TIMESTAMP WITH TIME ZONE, "document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_82efabaf90940ba4ebd5b7e926a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_source_items_key" ON "source_items"  ("source_id", "item_key") `);
    await queryRunner.query(
      `ALTER TABLE "source_items" ADD CONSTRAINT "FK_335f7f13e0566d5d7712a7b761b" FOREIGN KEY ("source_id") REFERENCES "monitored_sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "source_items" DROP CONSTRAINT "FK_335f7f13e0566d5d7712a7b761b"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_source_items_key"`);
    await queryRunner.query(`DROP TABLE "source_items"`);
  }
}
