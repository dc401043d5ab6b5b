import { ordinalBounds } from '@factdesk/domain';
import type { EventSource, PublicationEventRow } from '@factdesk/persistence';
import {
  eventOfKind,
  webhookPayload,
  type PublicFactCheck,
  type SiteInfo,
  type WebhookEvent,
} from '@factdesk/publishing';

/**
 * The JSON body for an event: the fact-check as readers saw it when the event happened (the snapshot
 * of the event's version and the corrections made until then, as WebhooksRepository.eventSource reads
 * them), so a delivery made late, after later changes, still describes its own event. The body is
 * stored with the delivery and sent unchanged on every attempt.
 */
export function eventBody(
  e: PublicationEventRow,
  source: EventSource,
  site: SiteInfo,
): { event: WebhookEvent; body: string } {
  const fc: PublicFactCheck = {
    id: e.fact_check_id,
    slug: source.slug,
    state: e.kind,
    version: e.version,
    publishedAt: source.publishedAt.toISOString(),
    retractedAt: e.kind === 'retracted' ? (source.retractedAt ?? e.created_at).toISOString() : null,
    snapshot: source.snapshot,
    corrections: source.corrections.map((c) => ({
      kind: c.kind,
      note: c.note,
      version: c.version,
      createdAt: c.created_at.toISOString(),
    })),
  };
  const event = eventOfKind(e.kind);
  return {
    event,
    body: JSON.stringify(
      webhookPayload(event, e.created_at.toISOString(), fc, site, ordinalBounds(source.ratingValues)),
    ),
  };
}
