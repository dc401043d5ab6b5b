import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795447754269 implements MigrationInterface {
  name = 'Initial1795447754269';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."speaker_kind" AS ENUM('person', 'organisation')`);
    await queryRunner.query(
      `CREATE TABLE "speakers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "kind" "public"."speaker_kind" NOT NULL DEFAULT 'person', "aliases" text array NOT NULL DEFAULT '{}', "same_as" text array NOT NULL DEFAULT '{}', "description" text, "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3818c94af77a0cf73403ecef14" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor', 'reviewer')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "password_hash" character varying(255) NOT NULL, "active" boolean NOT NULL DEFAULT true, "deactivated_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_seen_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(512), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sessions_token_hash" ON "sessions"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user" ON "sessions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_tokens_token_hash" ON "api_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_api_tokens_user" ON "api_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."monitored_source_kind" AS ENUM('feed', 'html')`);
    await queryRunner.query(
      `CREATE TABLE "monitored_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "url" text NOT NULL, "kind" "public"."monitored_source_kind" NOT NULL, "default_speaker_id" uuid, "default_outlet" character varying(200), "poll_interval_minutes" integer NOT NULL DEFAULT '60', "enabled" boolean NOT NULL DEFAULT true, "last_checked_at" TIMESTAMP WITH TIME ZONE, "last_new_item_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "consecutive_failures" integer NOT NULL DEFAULT '0', "etag" text, "last_modified" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db071bf852ece6a28ac194c4755" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."document_format" AS ENUM('text', 'markdown', 'html', 'pdf', 'docx', 'url')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."document_status" AS ENUM('queued', 'fetching', 'detecting', 'done', 'failed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text, "outlet" character varying(200), "source_url" text, "published_at" TIMESTAMP WITH TIME ZONE, "language" character varying(35) NOT NULL DEFAULT 'en', "format" "public"."document_format" NOT NULL, "original_text" text, "content_hash" character(64) NOT NULL, "status" "public"."document_status" NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "error" text, "attempts" integer NOT NULL DEFAULT '0', "submitted_by_id" uuid, "monitored_source_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_documents_content_hash" ON "documents"  ("content_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_documents_status_created" ON "documents"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE TYPE "public"."claim_type" AS ENUM('quantity', 'comparison', 'causal', 'prediction', 'law_rule', 'historical_event', 'quote', 'personal_experience', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."claim_state" AS ENUM('detected', 'accepted', 'dismissed', 'assigned', 'in_progress', 'in_review', 'changes_requested', 'approved', 'published', 'corrected', 'retracted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid, "text" text NOT NULL, "speaker_id" uuid, "start_offset" integer, "end_offset" integer, "said_at" TIMESTAMP WITH TIME ZONE, "said_where_url" text, "score" real NOT NULL DEFAULT '0', "checkworthy" boolean NOT NULL DEFAULT false, "reasons" jsonb NOT NULL DEFAULT '[]', "claim_type" "public"."claim_type" NOT NULL DEFAULT 'other', "entities" jsonb NOT NULL DEFAULT '[]', "state" "public"."claim_state" NOT NULL DEFAULT 'detected', "dismissal_reason" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_speaker" ON "claims"  ("speaker_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_claims_document_offset" ON "claims"  ("document_id", "start_offset") `);
    await queryRunner.query(`CREATE INDEX "IDX_claims_state_created" ON "claims"  ("state", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_claims_state_score" ON "claims"  ("state", "score", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."claim_match_kind" AS ENUM('near_duplicate', 'fact_check')`);
    await queryRunner.query(
      `CREATE TABLE "claim_matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "kind" "public"."claim_match_kind" NOT NULL, "matched_claim_id" uuid NOT NULL, "similarity" real NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d2d7c468f9ea613c74d5480301e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_matches_matched" ON "claim_matches"  ("matched_claim_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_claim_matches_pair" ON "claim_matches"  ("claim_id", "kind", "matched_claim_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_state" AS ENUM('active', 'completed', 'reassigned', 'unassigned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "assignee_id" uuid NOT NULL, "assigned_by_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "note" text, "state" "public"."assignment_state" NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_assignments_claim" ON "assignments"  ("claim_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_assignments_assignee_state_due" ON "assignments"  ("assignee_id", "state", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "verdict_version" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_comments_claim_created" ON "comments"  ("claim_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(50) NOT NULL, "message" text NOT NULL, "claim_id" uuid, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notifications_user_unread" ON "notifications"  ("user_id", "read_at", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "actor_id" uuid, "action" character varying(80) NOT NULL, "entity_type" character varying(50) NOT NULL, "entity_id" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_actor" ON "audit_events"  ("actor_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_entity" ON "audit_events"  ("entity_type", "entity_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "label" character varying(100) NOT NULL, "description" text NOT NULL, "value" integer, "colour" character varying(7) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_ratings_slug" ON "ratings"  ("slug") `);
    await queryRunner.query(`CREATE TYPE "public"."fact_check_state" AS ENUM('published', 'corrected', 'retracted')`);
    await queryRunner.query(
      `CREATE TABLE "fact_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "slug" character varying(200) NOT NULL, "state" "public"."fact_check_state" NOT NULL DEFAULT 'published', "current_version" integer NOT NULL DEFAULT '1', "speaker_id" uuid, "rating_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_id" uuid NOT NULL, "retracted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed37ea7c2b4eb84dd4bada99a4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_fact_checks_claim" ON "fact_checks"  ("claim_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_fact_checks_slug" ON "fact_checks"  ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_fact_checks_rating_published" ON "fact_checks"  ("rating_id", "published_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_fact_checks_speaker_published" ON "fact_checks"  ("speaker_id", "published_at") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fact_checks_published" ON "fact_checks"  ("published_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "fact_check_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fact_check_id" uuid NOT NULL, "version" integer NOT NULL, "verdict_version" integer NOT NULL, "snapshot" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40fe70db24c519615d7e818d036" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_fact_check_versions_version" ON "fact_check_versions"  ("fact_check_id", "version") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."correction_kind" AS ENUM('correction', 'retraction')`);
    await queryRunner.query(
      `CREATE TABLE "corrections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fact_check_id" uuid NOT NULL, "kind" "public"."correction_kind" NOT NULL, "note" text NOT NULL, "version" integer NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c362438b2b0fcce02e21e4c24c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_corrections_fact_check_created" ON "corrections"  ("fact_check_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."verdict_state" AS ENUM('draft', 'submitted', 'changes_requested', 'approved', 'published')`,
    );
    await queryRunner.query(
      `CREATE TABLE "verdicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "author_id" uuid NOT NULL, "version" integer NOT NULL, "state" "public"."verdict_state" NOT NULL DEFAULT 'draft', "rating_id" uuid, "headline" text NOT NULL DEFAULT '', "conclusion" text NOT NULL DEFAULT '', "analysis" text NOT NULL DEFAULT '', "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c4a14769fb5ae0dac9cafbb941" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_verdicts_claim" ON "verdicts"  ("claim_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_verdicts_state_updated" ON "verdicts"  ("state", "updated_at") `);
    await queryRunner.query(`CREATE TYPE "public"."source_kind" AS ENUM('primary', 'secondary')`);
    await queryRunner.query(
      `CREATE TABLE "verdict_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verdict_id" uuid NOT NULL, "position" integer NOT NULL, "url" text NOT NULL, "title" text NOT NULL DEFAULT '', "publisher" character varying(300), "published_on" date, "quote" text, "kind" "public"."source_kind" NOT NULL, CONSTRAINT "PK_c8764a1273eb2b9d26fbf0ec58c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_verdict_sources_verdict_position" ON "verdict_sources"  ("verdict_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "speakers" ADD CONSTRAINT "FK_9e6edf37a8172221e4bfc61d2e9" FOREIGN KEY ("merged_into_id") REFERENCES "speakers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_a17eb380a7c7622315c02725aff" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitored_sources" ADD CONSTRAINT "FK_c3a9281f9f76c15205282f6872c" FOREIGN KEY ("default_speaker_id") REFERENCES "speakers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitored_sources" ADD CONSTRAINT "FK_a84a3a15e11a4c3637196ae4e55" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_9014010e562e51389c81b63a94e" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_90b5cfb68217254f0f7b7084a29" FOREIGN KEY ("monitored_source_id") REFERENCES "monitored_sources"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_8652dd500b38ecb04cb683047b7" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_91759cc2451f8dd03f651fc5e12" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_b27fd598bf5d20327c1cf11010f" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_matches" ADD CONSTRAINT "FK_e69009accb115799fe64fcb8e25" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_matches" ADD CONSTRAINT "FK_7e54b2e961412d7dcf3c5f839b2" FOREIGN KEY ("matched_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_49d18c3f3a097c01559fe04e24b" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_cb4555e572df63db339d29d7b18" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "FK_a76bdbfeb13c3a195855993eaa5" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_25549ce5482606fd2b00c93d2f1" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_e6d38899c31997c45d128a8973b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_59b2266c65779d0c1d7974289ce" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "FK_04c7c044146c6632491a370fc04" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_checks" ADD CONSTRAINT "FK_f75dbc340a1eca29663e22baca6" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_checks" ADD CONSTRAINT "FK_01621511165d5afe79652309461" FOREIGN KEY ("speaker_id") REFERENCES "speakers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_checks" ADD CONSTRAINT "FK_ed04ca0510c5db5ca8634a8bdfb" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_checks" ADD CONSTRAINT "FK_d23d7eb9c03b3bb6be860a5fc1c" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_check_versions" ADD CONSTRAINT "FK_58822d1e54bd54b15c9b4f8401c" FOREIGN KEY ("fact_check_id") REFERENCES "fact_checks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fact_check_versions" ADD CONSTRAINT "FK_207df34ee3dfee9049d48672d7b" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_e7b9bd3188f0406beb2278289c1" FOREIGN KEY ("fact_check_id") REFERENCES "fact_checks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "corrections" ADD CONSTRAINT "FK_be14c9bae7c12aa2050558b8868" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdicts" ADD CONSTRAINT "FK_3a5f2aa3bd8837ca015d80066c9" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdicts" ADD CONSTRAINT "FK_f85828f24a5f941db3cc250f198" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdicts" ADD CONSTRAINT "FK_902b8ec85dbd065c223c1894d2e" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdicts" ADD CONSTRAINT "FK_d9908155b82a67421b04e7ec526" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verdict_sources" ADD CONSTRAINT "FK_9b0732f93d8dcdd7ad4136c57ef" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // What the entities cannot express (their @Index entries say synchronize: false).
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email_lower" ON "users" (lower("email"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_speakers_name_lower" ON "speakers" (lower("name")) WHERE "merged_into_id" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_speakers_aliases" ON "speakers" USING GIN ("aliases")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_claims_text_search" ON "claims" USING GIN (to_tsvector('english', "text"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_claims_document_span" ON "claims" ("document_id", "start_offset", "end_offset") WHERE "document_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_assignments_active_claim" ON "assignments" ("claim_id") WHERE "state" = 'active'`,
    );
    // The audit log is append-only, enforced by the database itself.
    await queryRunner.query(
      `CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_no_change" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_events_no_truncate" ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER "audit_events_no_change" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."UQ_assignments_active_claim"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_claims_document_span"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_text_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_speakers_aliases"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_speakers_name_lower"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email_lower"`);
    await queryRunner.query(`ALTER TABLE "verdict_sources" DROP CONSTRAINT "FK_9b0732f93d8dcdd7ad4136c57ef"`);
    await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_d9908155b82a67421b04e7ec526"`);
    await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_902b8ec85dbd065c223c1894d2e"`);
    await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_f85828f24a5f941db3cc250f198"`);
    await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_3a5f2aa3bd8837ca015d80066c9"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_be14c9bae7c12aa2050558b8868"`);
    await queryRunner.query(`ALTER TABLE "corrections" DROP CONSTRAINT "FK_e7b9bd3188f0406beb2278289c1"`);
    await queryRunner.query(`ALTER TABLE "fact_check_versions" DROP CONSTRAINT "FK_207df34ee3dfee9049d48672d7b"`);
    await queryRunner.query(`ALTER TABLE "fact_check_versions" DROP CONSTRAINT "FK_58822d1e54bd54b15c9b4f8401c"`);
    await queryRunner.query(`ALTER TABLE "fact_checks" DROP CONSTRAINT "FK_d23d7eb9c03b3bb6be860a5fc1c"`);
    await queryRunner.query(`ALTER TABLE "fact_checks" DROP CONSTRAINT "FK_ed04ca0510c5db5ca8634a8bdfb"`);
    await queryRunner.query(`ALTER TABLE "fact_checks" DROP CONSTRAINT "FK_01621511165d5afe79652309461"`);
    await queryRunner.query(`ALTER TABLE "fact_checks" DROP CONSTRAINT "FK_f75dbc340a1eca29663e22baca6"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "FK_04c7c044146c6632491a370fc04"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_59b2266c65779d0c1d7974289ce"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_e6d38899c31997c45d128a8973b"`);
    await queryRunner.query(`ALTER TABLE "comments" DROP CONSTRAINT "FK_25549ce5482606fd2b00c93d2f1"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_a76bdbfeb13c3a195855993eaa5"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_cb4555e572df63db339d29d7b18"`);
    await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_49d18c3f3a097c01559fe04e24b"`);
    await queryRunner.query(`ALTER TABLE "claim_matches" DROP CONSTRAINT "FK_7e54b2e961412d7dcf3c5f839b2"`);
    await queryRunner.query(`ALTER TABLE "claim_matches" DROP CONSTRAINT "FK_e69009accb115799fe64fcb8e25"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_b27fd598bf5d20327c1cf11010f"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_91759cc2451f8dd03f651fc5e12"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_8652dd500b38ecb04cb683047b7"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_90b5cfb68217254f0f7b7084a29"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_9014010e562e51389c81b63a94e"`);
    await queryRunner.query(`ALTER TABLE "monitored_sources" DROP CONSTRAINT "FK_a84a3a15e11a4c3637196ae4e55"`);
    await queryRunner.query(`ALTER TABLE "monitored_sources" DROP CONSTRAINT "FK_c3a9281f9f76c15205282f6872c"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_a17eb380a7c7622315c02725aff"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "speakers" DROP CONSTRAINT "FK_9e6edf37a8172221e4bfc61d2e9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_verdict_sources_verdict_position"`);
    await queryRunner.query(`DROP TABLE "verdict_sources"`);
    await queryRunner.query(`DROP TYPE "public"."source_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_verdicts_state_updated"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_verdicts_claim"`);
    await queryRunner.query(`DROP TABLE "verdicts"`);
    await queryRunner.query(`DROP TYPE "public"."verdict_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_corrections_fact_check_created"`);
    await queryRunner.query(`DROP TABLE "corrections"`);
    await queryRunner.query(`DROP TYPE "public"."correction_kind"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_fact_check_versions_version"`);
    await queryRunner.query(`DROP TABLE "fact_check_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fact_checks_published"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fact_checks_speaker_published"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fact_checks_rating_published"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_fact_checks_slug"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_fact_checks_claim"`);
    await queryRunner.query(`DROP TABLE "fact_checks"`);
    await queryRunner.query(`DROP TYPE "public"."fact_check_state"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ratings_slug"`);
    await queryRunner.query(`DROP TABLE "ratings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_entity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_actor"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_comments_claim_created"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_assignee_state_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_assignments_claim"`);
    await queryRunner.query(`DROP TABLE "assignments"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_state"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_claim_matches_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_matches_matched"`);
    await queryRunner.query(`DROP TABLE "claim_matches"`);
    await queryRunner.query(`DROP TYPE "public"."claim_match_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_state_score"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_state_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_document_offset"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_speaker"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP TYPE "public"."claim_state"`);
    await queryRunner.query(`DROP TYPE "public"."claim_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_documents_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_documents_content_hash"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP TYPE "public"."document_status"`);
    await queryRunner.query(`DROP TYPE "public"."document_format"`);
    await queryRunner.query(`DROP TABLE "monitored_sources"`);
    await queryRunner.query(`DROP TYPE "public"."monitored_source_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_api_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_api_tokens_token_hash"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP TABLE "speakers"`);
    await queryRunner.query(`DROP TYPE "public"."speaker_kind"`);
  }
}
