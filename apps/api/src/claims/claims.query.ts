import { BadRequestException } from '@nestjs/common';
import type { ClaimSummaryDto, Page } from '@factdesk/domain';
import type { DataSource } from 'typeorm';
import { INVALID_CURSOR, withCursor } from '../common/paging.js';
import type { ClaimSort, ListClaimsQuery } from './dto.js';

/** Each sort: its key expression, the SQL type to read a cursor back as, and its direction. */
const SORTS: Record<ClaimSort, { key: string; type: string; dir: 'ASC' | 'DESC' }> = {
  relevance: { key: "ts_rank_cd(c.search_vector, websearch_to_tsquery('english', $q))", type: 'real', dir: 'DESC' },
  score: { key: 'c.score', type: 'real', dir: 'DESC' },
  newest: { key: 'c.created_at', type: 'timestamptz', dir: 'DESC' },
  oldest: { key: 'c.created_at', type: 'timestamptz', dir: 'ASC' },
  said: { key: 'coalesce(c.said_at, c.created_at)', type: 'timestamptz', dir: 'DESC' },
  // Its page query splits it into its two halves: due dates, then the rest (infinity).
  due: { key: "coalesce(a.due_at, 'infinity'::timestamptz)", type: 'timestamptz', dir: 'ASC' },
};

/** A search sorted by relevance ranks this many of its newest matches (other sorts list every match). */
export const RELEVANCE_CANDIDATES = 500;

/** The cursor carries the last row's sort key as PostgreSQL printed it, so no precision is lost. */
function encodeCursor(sort: ClaimSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: ClaimSort): { key: string; id: string } {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through
  }
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
  cb_slug: string | null;
  cb_rating: string | null;
  cb_similarity: number | null;
  rank?: number;
  sort_key: string;
}

/**
 * The claims inbox: filters, full-text search with ranking, and keyset pagination that stays
 * stable while claims are added. Every value travels as a bound parameter.
 */
export async function listClaims(db: DataSource, query: ListClaimsQuery, currentUserId: string): Promise<Page<ClaimSummaryDto>> {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const sort: ClaimSort = query.sort ?? (query.q ? 'relevance' : 'score');
  if (sort === 'relevance' && !query.q) throw new BadRequestException('Sorting by relevance needs a search (q).');
  const qParam = query.q ? bind(query.q) : null;
  const spec = SORTS[sort];
  const key = qParam ? spec.key.replace('$q', qParam) : spec.key;

  const where: string[] = [];
  // One state as `=`: PostgreSQL then reads the (state, sort key) indexes in order; `= ANY` would sort.
  if (query.state?.length === 1) where.push(`c.state = ${bind(query.state[0])}::claim_state`);
  else if (query.state?.length) where.push(`c.state = ANY(${bind(query.state)}::claim_state[])`);
  if (query.type?.length) where.push(`c.claim_type = ANY(${bind(query.type)}::claim_type[])`);
  if (query.documentId) where.push(`c.document_id = ${bind(query.documentId)}`);
  if (query.speakerId) where.push(`c.speaker_id = ${bind(query.speakerId)}`);
  // NOT EXISTS rather than a join: PostgreSQL then plans an anti join it can stop early. A named assignee's
  // claims are the ids of that person's active assignments (off their index), fetched by primary key: a
  // semi join instead probed claims in sort order until a page of theirs turned up.
  const active = "SELECT 1 FROM assignments a WHERE a.claim_id = c.id AND a.state = 'active'";
  if (query.assignee === 'none') where.push(`NOT EXISTS (${active})`);
  else if (query.assignee)
    where.push(`c.id = ANY(ARRAY(SELECT a.claim_id FROM assignments a WHERE a.assignee_id = ${bind(query.assignee === 'me' ? currentUserId : query.assignee)} AND a.state = 'active'))`);
  if (query.minScore !== undefined) where.push(`c.score >= ${bind(query.minScore)}`);
  if (query.checkworthy !== undefined) where.push(`c.checkworthy = ${bind(query.checkworthy)}`);
  if (query.saidFrom) where.push(`c.said_at >= ${bind(query.saidFrom)}::timestamptz`);
  if (query.saidTo) where.push(`c.said_at < ${bind(query.saidTo)}::timestamptz`);
  if (query.detectedSince) where.push(`c.created_at >= ${bind(query.detectedSince)}::timestamptz`);
  if (qParam) where.push(`c.search_vector @@ websearch_to_tsquery('english', ${qParam})`);
  const filters = where.length ? where.join(' AND ') : 'true';
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  const after = cursor && { key: `${bind(cursor.key)}::${spec.type}`, id: `${bind(cursor.id)}::uuid` };
  const limit = query.limit ?? 50;
  const take = bind(limit + 1);
  // The page is chosen first, from the filters and the sort alone (an index hands it over in order and
  // stops after limit + 1 rows); only its rows are then decorated with speaker, document, assignee and
  // "checked before". Decorating before the LIMIT cost a lookup per matching claim.
  const page =
    sort === 'due'
      ? // Claims with a due date first, by date, straight off the partial index of active assignments'
        // due dates; then every other claim (key infinity) by id, off the primary key. One ORDER BY over
        // the join would sort every claim by a column of another table.
        `SELECT * FROM (
          (SELECT c.id, a.due_at AS key FROM assignments a JOIN claims c ON c.id = a.claim_id
           WHERE a.state = 'active' AND a.due_at IS NOT NULL AND ${filters}${after ? ` AND (a.due_at, a.claim_id) > (${after.key}, ${after.id})` : ''}
           ORDER BY a.due_at, a.claim_id LIMIT ${take})
          UNION ALL
          (SELECT c.id, 'infinity'::timestamptz AS key FROM claims c
           WHERE NOT EXISTS (${active} AND a.due_at IS NOT NULL) AND ${filters}${after ? ` AND ('infinity'::timestamptz, c.id) > (${after.key}, ${after.id})` : ''}
           ORDER BY c.id LIMIT ${take})
        ) due ORDER BY key, id LIMIT ${take}`
      : sort === 'relevance'
        ? // Only the newest matches are ranked. They are found through the full-text index first
          // (MATERIALIZED), so the cost follows the number of matches: left to itself, the planner may walk
          // the date index back testing every claim, fast for a frequent word alone (5 ms) but 124 ms for the
          // same word among claims to triage, where matches are rarer than it estimates.
          `WITH matches AS MATERIALIZED (SELECT c.id, c.search_vector, c.created_at FROM claims c WHERE ${filters})
          SELECT c.id, ${key} AS key FROM (
            SELECT id, search_vector FROM matches ORDER BY created_at DESC, id DESC LIMIT ${RELEVANCE_CANDIDATES}
          ) c
          ${after ? `WHERE (${key}, c.id) < (${after.key}, ${after.id})` : ''}
          ORDER BY key DESC, c.id DESC LIMIT ${take}`
        : `SELECT c.id, ${key} AS key FROM claims c
           WHERE ${filters}${after ? ` AND (${key}, c.id) ${spec.dir === 'DESC' ? '<' : '>'} (${after.key}, ${after.id})` : ''}
           ORDER BY ${key} ${spec.dir}, c.id ${spec.dir} LIMIT ${take}`;
  const sql = `
    WITH page AS (${page})
    SELECT c.id, c.text, c.state, c.score, c.checkworthy, c.claim_type, c.reasons, c.said_at, c.created_at,
           s.id AS speaker_id, s.name AS speaker_name, d.id AS document_id, d.title AS document_title,
           a.assignee_id, u.name AS assignee_name, a.due_at,
           cb.slug AS cb_slug, cb.label AS cb_rating, cb.similarity AS cb_similarity,
           ${qParam ? 'p.key AS rank,' : ''}
           p.key::text AS sort_key
    FROM page p
    JOIN claims c ON c.id = p.id
    LEFT JOIN speakers s ON s.id = c.speaker_id
    LEFT JOIN documents d ON d.id = c.document_id
    LEFT JOIN assignments a ON a.claim_id = c.id AND a.state = 'active'
    LEFT JOIN users u ON u.id = a.assignee_id
    LEFT JOIN LATERAL (
      SELECT fc.slug, r.label, cm.similarity
      FROM claim_matches cm
      JOIN fact_checks fc ON fc.claim_id = cm.matched_claim_id AND fc.state <> 'retracted'
      LEFT JOIN ratings r ON r.id = fc.rating_id
      WHERE cm.claim_id = c.id AND cm.kind = 'fact_check'
      ORDER BY cm.similarity DESC LIMIT 1
    ) cb ON true
    ORDER BY p.key ${spec.dir}, p.id ${spec.dir}`;
  // The API's connections run without parallel workers (DatabaseModule's session settings).
  const rows: Row[] = await withCursor(query.cursor, () => db.query(sql, params));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, last.sort_key, last.id) : null,
  };
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
    checkedBefore: r.cb_slug ? { slug: r.cb_slug, rating: r.cb_rating, similarity: r.cb_similarity! } : null,
    ...(r.rank !== undefined ? { rank: r.rank } : {}),
  };
}
