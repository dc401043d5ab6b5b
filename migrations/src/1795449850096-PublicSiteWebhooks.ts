import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicSiteWebhooks1795449850096 implements MigrationInterface {
  name = 'PublicSiteWebhooks1795449850096';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_pages" ("key" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91d3c4544893aa6bc9be46be9ee" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_events" ("id" BIGSERIAL NOT NULL, "fact_check_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cdad8f63a496bc43c7aae832053" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2048) NOT NULL, "description" character varying(200) NOT NULL DEFAULT '', "events" text array NOT NULL, "secret" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event_id" bigint NOT NULL, "event" character varying(40) NOT NULL, "fact_check_id" uuid NOT NULL, "payload" text NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'pending', "attempts" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_webhook_deliveries_event" ON "webhook_deliveries"  ("webhook_id", "event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_webhook_created" ON "webhook_deliveries"  ("webhook_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "site_pages" ADD CONSTRAINT "FK_67c9876cfb538f4bcd97eb39f32" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "publication_events" ADD CONSTRAINT "FK_26cb0e643244d4c28270eadb8a7" FOREIGN KEY ("fact_check_id") REFERENCES "fact_checks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "FK_04060f01849c1c9ca048094a7b4" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // What TypeORM cannot express: the pending-events partial index and the triggers that make every
    // public change visible. A change to a fact-check writes its event in the same transaction (the
    // outbox webhooks are delivered from), and every change readers can see notifies the API processes,
    // which drop their page caches; NOTIFY is delivered only on commit, so no cache refills from
    // uncommitted data.
    await queryRunner.query(
      `CREATE INDEX "IDX_publication_events_pending" ON "publication_events" ("id") WHERE "dispatched_at" IS NULL`,
    );
    await queryRunner.query(`CREATE FUNCTION factdesk_fact_check_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    event := 'published';
  ELSIF TG_OP = 'UPDATE' AND NEW.state = 'retracted' AND OLD.state IS DISTINCT FROM 'retracted' THEN
    event := 'retracted';
  ELSIF TG_OP = 'UPDATE' AND NEW.current_version > OLD.current_version THEN
    event := 'corrected';
  END IF;
  IF event IS NOT NULL THEN
    INSERT INTO publication_events (fact_check_id, kind, version) VALUES (NEW.id, event, NEW.current_version);
  END IF;
  PERFORM pg_notify('factdesk_public', COALESCE(event, 'changed'));
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "fact_checks_public_change" AFTER INSERT OR UPDATE OR DELETE ON "fact_checks" FOR EACH ROW EXECUTE FUNCTION factdesk_fact_check_changed()`,
    );
    await queryRunner.query(`CREATE FUNCTION factdesk_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('factdesk_public', TG_TABLE_NAME);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "fact_checks_public_truncate" AFTER TRUNCATE ON "fact_checks" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_public_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "corrections_public_change" AFTER INSERT OR UPDATE OR DELETE ON "corrections" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_public_changed()`,
    );
    // The scale gives bestRating/worstRating and the filter labels; speaker names show in the filter.
    await queryRunner.query(
      `CREATE TRIGGER "ratings_public_change" AFTER INSERT OR UPDATE OR DELETE ON "ratings" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_public_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "speakers_public_change" AFTER UPDATE OR DELETE ON "speakers" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_public_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "site_pages_public_change" AFTER INSERT OR UPDATE OR DELETE ON "site_pages" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_public_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "site_pages_public_change" ON "site_pages"`);
    await queryRunner.query(`DROP TRIGGER "speakers_public_change" ON "speakers"`);
    await queryRunner.query(`DROP TRIGGER "ratings_public_change" ON "ratings"`);
    await queryRunner.query(`DROP TRIGGER "corrections_public_change" ON "corrections"`);
    await queryRunner.query(`DROP TRIGGER "fact_checks_public_truncate" ON "fact_checks"`);
    await queryRunner.query(`DROP TRIGGER "fact_checks_public_change" ON "fact_checks"`);
    await queryRunner.query(`DROP FUNCTION factdesk_public_changed()`);
    await queryRunner.query(`DROP FUNCTION factdesk_fact_check_changed()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_publication_events_pending"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "FK_04060f01849c1c9ca048094a7b4"`);
    await queryRunner.query(`ALTER TABLE "publication_events" DROP CONSTRAINT "FK_26cb0e643244d4c28270eadb8a7"`);
    await queryRunner.query(`ALTER TABLE "site_pages" DROP CONSTRAINT "FK_67c9876cfb538f4bcd97eb39f32"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_webhook_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_webhook_deliveries_event"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP TABLE "publication_events"`);
    await queryRunner.query(`DROP TABLE "site_pages"`);
  }
}
