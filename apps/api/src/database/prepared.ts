import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/** Distinct statements prepared per API process at most: each costs memory in every connection that runs it. */
const MAX_PREPARED = 256;
const preparedNames = new Set<string>();

/**
 * Runs a read straight on the connection pool (a hot path: TypeORM's query runner adds nothing here).
 * With `prepare`, as a named prepared statement: each connection parses it once and PostgreSQL may keep
 * a generic plan for it, which for the inbox's pages saves more than running them costs. Only for
 * statements whose bound values cannot change the best plan (closed-set values written into the text,
 * ids, cursors), since a generic plan is chosen without looking at them. Past MAX_PREPARED distinct
 * statements, new ones run unnamed.
 */
export async function queryRows<T extends QueryResultRow>(
  db: DataSource,
  sql: string,
  params: unknown[],
  options: { prepare: boolean },
): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  if (!options.prepare) return (await pool.query<T>(sql, params)).rows;
  const name = `fd_${createHash('sha1').update(sql).digest('hex')}`;
  if (!preparedNames.has(name) && preparedNames.size < MAX_PREPARED) preparedNames.add(name);
  return (
    await pool.query<T>(preparedNames.has(name) ? { name, text: sql, values: params } : { text: sql, values: params })
  ).rows;
}
