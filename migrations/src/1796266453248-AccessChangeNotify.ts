import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep the sessions and API tokens they have resolved in memory (a database round trip less
 * on every signed-in request). Whatever ends or changes someone's access — sign-out, revocation,
 * deactivation, a new role or password, from any process or script — notifies `factdesk_access` with the
 * user's id, and every API process drops that user's entries. NOTIFY is delivered on commit.
 */
export class AccessChangeNotify1796266453248 implements MigrationInterface {
  name = 'AccessChangeNotify1796266453248';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION factdesk_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('factdesk_access', '*');
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('factdesk_access', OLD.id::text);
  ELSE
    PERFORM pg_notify('factdesk_access', OLD.user_id::text);
  END IF;
  RETURN NULL;
END $$`);
    // Only the columns that decide access: last_seen_at, last_used_at and last_login_at change all the time.
    await queryRunner.query(
      `CREATE TRIGGER "sessions_access_change" AFTER DELETE OR UPDATE OF "revoked_at", "expires_at", "user_id" ON "sessions" FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "api_tokens_access_change" AFTER DELETE OR UPDATE OF "revoked_at", "expires_at", "user_id" ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "users_access_change" AFTER DELETE OR UPDATE OF "role", "active", "name", "email", "password_hash" ON "users" FOR EACH ROW EXECUTE FUNCTION factdesk_access_changed()`,
    );
    for (const table of ['sessions', 'api_tokens', 'users']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_access_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION factdesk_access_changed()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['users', 'api_tokens', 'sessions']) {
      await queryRunner.query(`DROP TRIGGER "${table}_access_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_access_change" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION factdesk_access_changed()`);
  }
}
