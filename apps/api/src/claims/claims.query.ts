import { BadRequestException } from '@nestjs/common';
import {
  ASKING_ROLES,
  CLAIM_STATES,
  CLAIM_TYPES,
  claimSortAllowed,
  defaultClaimSort,
  type ClaimSort,
  type ClaimSummaryDto,
  type Page,
} from '@factdesk/domain';
import type { DataSource } from 'typeorm';
import { decodeJsonCursor, encodeCursor as cursorOf, INVALID_CURSOR, withCursor } from '../common/paging.js';
import { queryRows } from '../database/prepared.js';
import type { ListClaimsQuery } from './dto.js';

/** Each sort: its key expression, the SQL type to read a cursor back as, and its direction. */
const SORTS: Record<ClaimSort, { key: string; type: string; dir: 'ASC' | 'DESC' }> = {
  relevance: { key: "ts_rank_cd(c.search_vector, websearch_to_tsquery('english', $q))", type: 'real', dir: 'DESC' },
  score: { key: 'c.score', type: 'real', dir: 'DESC' },
  newest: { key: 'c.created_at', type: 'timestamptz', dir: 'DESC' },
  oldest: { key: 'c.created_at', type: 'timestamptz', dir: 'ASC' },
  said: { key: 'coalesce(c.said_at, c.created_at)', type: 'timestamptz', dir: 'DESC' },
  // The active assignment's due date (a copy on the claim), claims without one after every date.
  due: { key: "coalesce(c.due_at, 'infinity'::timestamptz)", type: 'timestamptz', dir: 'ASC' },
};

/** A search sorted by relevance ranks this many of its newest matches (other sorts list every match). */
export const RELEVANCE_CANDIDATES = 500;

/** The cursor carries the last row's sort key as PostgreSQL printed it, so no precision is lost. */
function encodeCursor(sort: ClaimSort, key: string, id: string): string {
  return cursorOf(JSON.stringify([sort, key, id]));
}

function decodeCursor(cursor: string, sort: ClaimSort): { key: string; id: string } {
  const value = decodeJsonCursor(cursor);
  const [s, key, id] = Array.isArray(value) ? (value as unknown[]) : [];
  if (s === sort && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  throw new BadRequestException(INVALID_CURSOR);
}

/** Rows as the list query returns them. */
interface Row {
  id: string;
  text: string;
  state: ClaimSummaryDto['state'];
  score: number;
  checkworthy: boolean;
  claim_type: ClaimSummaryDto['claimType'];
  reasons: string[];
  speaker_id: string | null;
  speaker_name: string | null;
  document_id: string | null;
  document_title: string | null;
  said_at: Date | null;
  created_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date | null;
  /** [slug, rating label, similarity] of the best earlier fact-check of this claim. */
  checked_before: [string, string | null, number] | null;
  rank?: number;
  sort_key: string;
}

/** Values from a closed set as SQL literals; the DTO has already refused anything else. */
function literals(values: readonly string[], allowed: readonly string[]): string {
  if (!values.every((v) => allowed.includes(v))) throw new BadRequestException('Unknown value in a filter.');
  return values.map((v) => `'${v}'`).join(', ');
}

/**
 * The claims inbox: filters, full-text search with ranking, and keyset pagination that stays stable while
 * claims are added. Values from closed sets (states, types, yes/no, the page size) are written into the
 * statement; every other value travels as a bound parameter.
 */
export async function listClaims(
  db: DataSource,
  query: ListClaimsQuery,
  currentUserId: string,
): Promise<Page<ClaimSummaryDto>> {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const sort: ClaimSort = query.sort ?? defaultClaimSort(query.q);
  if (!claimSortAllowed(sort, query.q)) throw new BadRequestException('Sorting by relevance needs a search (q).');
  const qParam = query.q ? bind(query.q) : null;
  const spec = SORTS[sort];
  const key = qParam ? spec.key.replace('$q', qParam) : spec.key;

  const where: string[] = [];
  // One state as `=`: PostgreSQL then reads the (state, sort key) indexes in order; `IN` would sort.
  if (query.state?.length === 1) where.push(`c.state = ${literals(query.state, CLAIM_STATES)}`);
  else if (query.state?.length) where.push(`c.state IN (${literals(query.state, CLAIM_STATES)})`);
  if (query.type?.length) where.push(`c.claim_type IN (${literals(query.type, CLAIM_TYPES)})`);
  if (query.documentId) where.push(`c.document_id = ${bind(query.documentId)}`);
  if (query.speakerId) where.push(`c.speaker_id = ${bind(query.speakerId)}`);
  // The active assignment's assignee, copied onto the claim by a trigger and indexed with score and due date.
  if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
  else if (query.assignee)
    where.push(`c.assignee_id = ${bind(query.assignee === 'me' ? currentUserId : query.assignee)}`);
  if (query.minScore !== undefined) where.push(`c.score >= ${bind(query.minScore)}`);
  if (query.checkworthy !== undefined) where.push(query.checkworthy ? 'c.checkworthy' : 'NOT c.checkworthy');
  if (query.saidFrom) where.push(`c.said_at >= ${bind(query.saidFrom)}::timestamptz`);
  if (query.saidTo) where.push(`c.said_at < ${bind(query.saidTo)}::timestamptz`);
  if (query.detectedSince) where.push(`c.created_at >= ${bind(query.detectedSince)}::timestamptz`);
  if (query.checkedBefore !== undefined) where.push(`${query.checkedBefore ? '' : 'NOT '}${CHECKED_BEFORE}`);
  if (query.askers && query.askers !== 'include') {
    // speakerRoleIn (libs/domain) in SQL: this document's editor role, else always, else detected.
    const asks = `coalesce((SELECT coalesce(ds.document_role, s.default_role, ds.detected_role) IN (${literals(ASKING_ROLES, ASKING_ROLES)})
        FROM speakers s LEFT JOIN document_speakers ds ON ds.speaker_id = s.id AND ds.document_id = c.document_id
        WHERE s.id = c.speaker_id), false)`;
    where.push(query.askers === 'only' ? asks : `NOT ${asks}`);
  }
  if (qParam) where.push(`c.search_vector @@ websearch_to_tsquery('english', ${qParam})`);
  const filters = where.length ? where.join(' AND ') : 'true';
  // A search with no other filter: PostgreSQL's estimate of how many claims its words match is good, so
  // it may choose how to find the newest matches (see the relevance page below).
  const searchAlone = qParam !== null && where.length === 1;
  // Which plan is best depends on these values (a speaker with 15,000 claims or with 150, a date range, how
  // many claims a search's words match), so such statements are planned with their values every time; any
  // other is prepared. A search by relevance among other filters always starts from the full-text index.
  const planStable =
    !(query.speakerId || query.minScore !== undefined || query.saidFrom || query.saidTo || query.detectedSince) &&
    (!qParam || (sort === 'relevance' && !searchAlone));
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const after = cursor && { key: `${bind(cursor.key)}::${spec.type}`, id: `${bind(cursor.id)}::uuid` };
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit)) throw new BadRequestException('limit must be an integer.');
  const take = limit + 1;
  // The page is chosen first, from the filters and the sort alone (an index hands it over in order and
  // stops after limit + 1 rows); only its rows are then decorated with speaker, document, assignee and
  // "checked before". Decorating before the LIMIT cost a lookup per matching claim.
  const page =
    sort === 'relevance'
      ? // Only the newest matches are ranked. For a search alone PostgreSQL chooses between walking the date
        // index back (a frequent word: 6 ms instead of 14 for 5,500 matches) and the full-text index (a rare
        // one). Among other filters it starts from the full-text index (MATERIALIZED), so the cost follows
        // the number of matches: left to choose, it walked the date index for a frequent word among claims
        // to triage, where such matches are rarer than it estimates, testing 32,000 claims (124 ms).
        `WITH matches AS ${searchAlone ? 'NOT MATERIALIZED' : 'MATERIALIZED'} (SELECT c.id, c.search_vector, c.created_at FROM claims c WHERE ${filters})
          SELECT c.id, ${key} AS key FROM (
            SELECT id, search_vector FROM matches ORDER BY created_at DESC, id DESC LIMIT ${RELEVANCE_CANDIDATES}
          ) c
          ${after ? `WHERE (${key}, c.id) < (${after.key}, ${after.id})` : ''}
          ORDER BY key DESC, c.id DESC LIMIT ${take}`
      : `SELECT c.id, ${key} AS key FROM claims c
           WHERE ${filters}${after ? ` AND (${key}, c.id) ${spec.dir === 'DESC' ? '<' : '>'} (${after.key}, ${after.id})` : ''}
           ORDER BY ${key} ${spec.dir}, c.id ${spec.dir} LIMIT ${take}`;
  const sql = decorated(page, sort === 'relevance', spec.dir);
  // The API's connections run without parallel workers (DatabaseModule's session settings).
  const rows = await withCursor(query.cursor, () => queryRows<Row>(db, sql, params, { prepare: planStable }));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, last.sort_key, last.id) : null,
  };
}

/** A claim with a live fact-check of a claim the linker matched it to: "checked before". */
const CHECKED_BEFORE = `EXISTS (SELECT 1 FROM claim_matches cm
  JOIN fact_checks fc ON fc.claim_id = cm.matched_claim_id AND fc.state <> 'retracted'
  WHERE cm.claim_id = c.id AND cm.kind = 'fact_check')`;

/**
 * The claims of `page` (a statement answering id and key) as summaries, in key order. Decorations as scalar
 * subqueries rather than joins: the same rows, in half the planning time.
 */
function decorated(page: string, relevance: boolean, dir: 'ASC' | 'DESC'): string {
  return `
    WITH page AS (${page})
    SELECT c.id, c.text, c.state, c.score, c.checkworthy, c.claim_type, c.reasons, c.said_at, c.created_at,
           c.speaker_id, (SELECT s.name FROM speakers s WHERE s.id = c.speaker_id) AS speaker_name,
           c.document_id, (SELECT d.title FROM documents d WHERE d.id = c.document_id) AS document_title,
           c.assignee_id, (SELECT u.name FROM users u WHERE u.id = c.assignee_id) AS assignee_name,
           c.due_at,
           (SELECT json_build_array(fc.slug, r.label, cm.similarity)
            FROM claim_matches cm
            JOIN fact_checks fc ON fc.claim_id = cm.matched_claim_id AND fc.state <> 'retracted'
            LEFT JOIN ratings r ON r.id = fc.rating_id
            WHERE cm.claim_id = c.id AND cm.kind = 'fact_check'
            ORDER BY cm.similarity DESC LIMIT 1) AS checked_before,
           ${relevance ? 'p.key AS rank,' : ''}
           p.key::text AS sort_key
    FROM page p
    JOIN claims c ON c.id = p.id
    ORDER BY p.key ${dir}, p.id ${dir}`;
}

/** Summaries of the given claims, keyed by id (ids of claims that are gone are left out). */
export async function claimSummaries(db: DataSource, ids: string[]): Promise<Map<string, ClaimSummaryDto>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<Row>(
    db,
    decorated('SELECT id, 0 AS key FROM unnest($1::uuid[]) AS id', false, 'ASC'),
    [[...new Set(ids)]],
    { prepare: true },
  );
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

function toSummary(r: Row): ClaimSummaryDto {
  return {
    id: r.id,
    text: r.text,
    state: r.state,
    score: r.score,
    checkworthy: r.checkworthy,
    claimType: r.claim_type,
    reasons: r.reasons,
    speaker: r.speaker_id ? { id: r.speaker_id, name: r.speaker_name! } : null,
    document: r.document_id ? { id: r.document_id, title: r.document_title } : null,
    saidAt: r.said_at ? r.said_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name! } : null,
    dueAt: r.due_at ? r.due_at.toISOString() : null,
    checkedBefore: r.checked_before
      ? { slug: r.checked_before[0], rating: r.checked_before[1], similarity: r.checked_before[2] }
      : null,
    ...(r.rank !== undefined ? { rank: r.rank } : {}),
  };
}
