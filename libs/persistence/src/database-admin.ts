import pg from 'pg';
import { describeAddress, REMEDIES, UnreachableServiceError } from '@factdesk/config';
import { createDataSource } from './data-source.js';

function withDatabase(databaseUrl: string, database: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'postgres';
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function unreachable(databaseUrl: string, err: unknown): UnreachableServiceError {
  const e = err as { code?: string; message?: string };
  return new UnreachableServiceError(
    'PostgreSQL',
    describeAddress(databaseUrl),
    e.code ?? e.message ?? String(err),
    REMEDIES.postgres,
  );
}

/**
 * Checks PostgreSQL answers at the configured address, and that the database exists.
 * Throws UnreachableServiceError (server down) or an Error naming the missing database.
 */
export async function checkPostgres(databaseUrl: string): Promise<void> {
  try {
    await withClient(databaseUrl, (c) => c.query('SELECT 1'));
  } catch (err) {
    if ((err as { code?: string }).code === '3D000') {
      throw new UnreachableServiceError(
        'PostgreSQL',
        describeAddress(databaseUrl),
        `database "${databaseName(databaseUrl)}" does not exist`,
        'Run `npm run migrate`, which creates and migrates it.',
      );
    }
    throw unreachable(databaseUrl, err);
  }
}

/** Creates the database named in the URL when it is missing (connecting to the server's `postgres` database). */
export async function ensureDatabase(databaseUrl: string, template?: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  try {
    return await withClient(withDatabase(databaseUrl, 'postgres'), async (c) => {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return false;
      await c.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
      return true;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '42P04') return false; // created concurrently
    if ((err as { code?: string }).code) throw err;
    throw unreachable(databaseUrl, err);
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withClient(withDatabase(databaseUrl, 'postgres'), (c) =>
    c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(databaseUrl))} WITH (FORCE)`),
  );
}

/** Runs pending migrations; returns the names of those it ran (none on a migrated database). */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = createDataSource({ databaseUrl, poolSize: 1, applicationName: 'factdesk-migrate' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Undoes the most recent migration (its `down`), in a transaction; the name, or null when none ran. */
export async function revertLastMigration(databaseUrl: string): Promise<string | null> {
  const ds = createDataSource({ databaseUrl, poolSize: 1, applicationName: 'factdesk-migrate' });
  await ds.initialize();
  try {
    const [last] = await ds.query(`SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1`);
    if (!last) return null;
    await ds.undoLastMigration({ transaction: 'each' });
    return last.name;
  } finally {
    await ds.destroy();
  }
}

/**
 * The SQL the entities need that the migrations have not created: empty when they agree.
 * This is what `typeorm migration:generate` computes; tests and the generator script share it.
 */
/** One statement of a schema change, with the parameters TypeORM binds (its metadata rows for generated columns). */
export interface SchemaStatement {
  query: string;
  parameters?: unknown[];
}

export async function pendingSchemaChanges(
  databaseUrl: string,
): Promise<{ up: SchemaStatement[]; down: SchemaStatement[] }> {
  const ds = createDataSource({ databaseUrl, poolSize: 1, applicationName: 'factdesk-schema-diff' });
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    const statement = (q: { query: string; parameters?: unknown[] }): SchemaStatement =>
      q.parameters?.length ? { query: q.query, parameters: q.parameters } : { query: q.query };
    return { up: sql.upQueries.map(statement), down: sql.downQueries.map(statement).reverse() };
  } finally {
    await ds.destroy();
  }
}

export { withDatabase as databaseUrlWithName };
