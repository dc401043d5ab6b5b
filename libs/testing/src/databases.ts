import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from '@factdesk/migrations';
import { databaseUrlWithName, runMigrations } from '@factdesk/persistence';

/** The server tests use: the local PostgreSQL unless TEST_DATABASE_URL names another. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const LOCK_ID = 7_345_221; // any constant: serialises template creation across parallel test workers

/** Template name changes whenever the migrations do, so a stale template is never cloned. */
function templateName(): string {
  const fingerprint = createHash('sha256');
  for (const M of MIGRATIONS)
    fingerprint.update(M.name).update(M.prototype.up.toString()).update(M.prototype.down.toString());
  return `factdesk_test_tpl_${fingerprint.digest('hex').slice(0, 12)}`;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `Tests need PostgreSQL at ${new URL(TEST_SERVER_URL).host} (${(err as Error).message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template once per migration set; later calls find it ready. */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = templateName();
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      // Older templates (from earlier migration sets) are dropped as new ones appear.
      const stale = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'factdesk\\_test\\_tpl\\_%'");
      for (const row of stale.rows) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
      try {
        await runMigrations(databaseUrlWithName(TEST_SERVER_URL, name));
      } catch (err) {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        throw err;
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the caller's own, cloned from the template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `factdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: databaseUrlWithName(TEST_SERVER_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (not migrated), for testing migrations themselves. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `factdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrlWithName(TEST_SERVER_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
