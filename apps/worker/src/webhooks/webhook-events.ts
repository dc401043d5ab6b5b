import type { EntityManager } from 'typeorm';
import { ordinalBounds, type FactCheckSnapshot } from '@factdesk/domain';
import { eventOfKind, webhookPayload, type PublicFactCheck, type SiteInfo, type WebhookEvent } from '@factdesk/publishing';

export interface PublicationEventRow {
  id: string;
  fact_check_id: string;
  kind: 'published' | 'corrected' | 'retracted';
  version: number;
  created_at: Date;
}

/**
 * The JSON body for an event: the fact-check as readers saw it when the event happened (the snapshot
 * of the event's version and the corrections made until then), so a delivery made late, after later
 * changes, still describes its own event. The body is stored with the delivery and sent unchanged on
 * every attempt.
 */
export async function eventBody(m: EntityManager, e: PublicationEventRow, site: SiteInfo): Promise<{ event: WebhookEvent; body: string } | null> {
  const rows: { slug: string; published_at: Date; retracted_at: Date | null; snapshot: FactCheckSnapshot }[] = await m.query(
    `SELECT f.slug, f.published_at, f.retracted_at, v.snapshot FROM fact_checks f
       JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = $2 WHERE f.id = $1`,
    [e.fact_check_id, e.version],
  );
  if (!rows[0]) return null;
  const [corrections, ratings] = await Promise.all([
    // Compared in SQL: JavaScript dates drop the microseconds both rows share with their transaction.
    m.query('SELECT kind, note, version, created_at FROM corrections WHERE fact_check_id = $1 AND created_at <= (SELECT created_at FROM publication_events WHERE id = $2) ORDER BY created_at, id', [e.fact_check_id, e.id]) as Promise<
      { kind: 'correction' | 'retraction'; note: string; version: number; created_at: Date }[]
    >,
    m.query('SELECT value FROM ratings') as Promise<{ value: number | null }[]>,
  ]);
  const r = rows[0];
  const fc: PublicFactCheck = {
    id: e.fact_check_id,
    slug: r.slug,
    state: e.kind,
    version: e.version,
    publishedAt: r.published_at.toISOString(),
    retractedAt: e.kind === 'retracted' ? (r.retracted_at ?? e.created_at).toISOString() : null,
    snapshot: r.snapshot,
    corrections: corrections.map((c) => ({ kind: c.kind, note: c.note, version: c.version, createdAt: c.created_at.toISOString() })),
  };
  const event = eventOfKind(e.kind);
  return { event, body: JSON.stringify(webhookPayload(event, e.created_at.toISOString(), fc, site, ordinalBounds(ratings))) };
}
