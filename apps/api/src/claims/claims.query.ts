import { BadRequestException } from '@nestjs/common';
import type { ClaimSummaryDto, Page } from '@factdesk/domain';
import type { DataSource } from 'typeorm';
import type { ClaimSort, ListClaimsQuery } from './dto.js';

/** Each sort: its key expression, the SQL type to read a cursor back as, and its direction. */
const SORTS: Record<ClaimSort, { key: string; type: string; dir: 'ASC' | 'DESC' }> = {
  relevance: { key: "ts_rank_cd(to_tsvector('english', c.text), websearch_to_tsquery('english', $q))", type: 'real', dir: 'DESC' },
  score: { key: 'c.score', type: 'real', dir: 'DESC' },
  newest: { key: 'c.created_at', type: 'timestamptz', dir: 'DESC' },
  oldest: { key: 'c.created_at', type: 'timestamptz', dir: 'ASC' },
  said: { key: 'coalesce(c.said_at, c.created_at)', type: 'timestamptz', dir: 'DESC' },
  due: { key: "coalesce(a.due_at, 'infinity'::timestamptz)", type: 'timestamptz', dir: 'ASC' },
};

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
  throw new BadRequestException('The cursor is not valid for this list; start again without it.');
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
  if (query.state?.length) where.push(`c.state = ANY(${bind(query.state)}::claim_state[])`);
  if (query.type?.length) where.push(`c.claim_type = ANY(${bind(query.type)}::claim_type[])`);
  if (query.documentId) where.push(`c.document_id = ${bind(query.documentId)}`);
  if (query.speakerId) where.push(`c.speaker_id = ${bind(query.speakerId)}`);
  if (query.assignee === 'none') where.push('a.id IS NULL');
  else if (query.assignee) where.push(`a.assignee_id = ${bind(query.assignee === 'me' ? currentUserId : query.assignee)}`);
  if (query.minScore !== undefined) where.push(`c.score >= ${bind(query.minScore)}`);
  if (query.checkworthy !== undefined) where.push(`c.checkworthy = ${bind(query.checkworthy)}`);
  if (query.saidFrom) where.push(`c.said_at >= ${bind(query.saidFrom)}::timestamptz`);
  if (query.saidTo) where.push(`c.said_at < ${bind(query.saidTo)}::timestamptz`);
  if (query.detectedSince) where.push(`c.created_at >= ${bind(query.detectedSince)}::timestamptz`);
  if (qParam) where.push(`to_tsvector('english', c.text) @@ websearch_to_tsquery('english', ${qParam})`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, sort);
    where.push(`(${key}, c.id) ${spec.dir === 'DESC' ? '<' : '>'} (${bind(cursor.key)}::${spec.type}, ${bind(cursor.id)}::uuid)`);
  }
  const limit = query.limit ?? 50;

  const sql = `
    SELECT c.id, c.text, c.state, c.score, c.checkworthy, c.claim_type, c.reasons, c.said_at, c.created_at,
           s.id AS speaker_id, s.name AS speaker_name, d.id AS document_id, d.title AS document_title,
           a.assignee_id, u.name AS assignee_name, a.due_at,
           cb.slug AS cb_slug, cb.label AS cb_rating, cb.similarity AS cb_similarity,
           ${qParam ? `${key} AS rank,` : ''}
           (${key})::text AS sort_key
    FROM claims c
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
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${key} ${spec.dir}, c.id ${spec.dir}
    LIMIT ${bind(limit + 1)}`;
  const rows: Row[] = await db.query(sql, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
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
