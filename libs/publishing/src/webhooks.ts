import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { claimReview } from './claim-review.js';
import { factCheckUrl, modifiedAt, type PublicFactCheck, type RatingBounds, type SiteInfo } from './model.js';

/**
 * Webhooks follow the Standard Webhooks specification (https://www.standardwebhooks.com/): headers
 * webhook-id, webhook-timestamp (Unix seconds) and webhook-signature `v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`, keyed by the secret after its `whsec_` prefix. Any Standard Webhooks library
 * verifies them; receivers should refuse timestamps more than five minutes away from their clock.
 */
export const WEBHOOK_EVENTS = ['fact_check.published', 'fact_check.corrected', 'fact_check.retracted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', key(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** Headers of one delivery attempt; a retry keeps the id (receivers deduplicate on it) but is signed afresh. */
export function webhookHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/** What a receiver does: a matching v1 signature over a recent timestamp. */
export function verifyWebhook(secret: string, headers: Record<string, string | undefined>, body: string, now = new Date()): boolean {
  const id = headers['webhook-id'];
  const ts = Number(headers['webhook-timestamp']);
  const signatures = headers['webhook-signature'];
  if (!id || !Number.isInteger(ts) || !signatures) return false;
  if (Math.abs(now.getTime() / 1000 - ts) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, id, ts, body));
  return signatures.split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export const eventOfKind = (kind: 'published' | 'corrected' | 'retracted'): WebhookEvent => `fact_check.${kind}`;

/** The body sent for an event: the fact-check as readers see it, with its ClaimReview when it has one. */
export function webhookPayload(event: WebhookEvent, occurredAt: string, fc: PublicFactCheck, site: SiteInfo, bounds: RatingBounds) {
  const latest = fc.corrections[fc.corrections.length - 1];
  return {
    type: event,
    timestamp: occurredAt,
    data: {
      id: fc.id,
      slug: fc.slug,
      url: factCheckUrl(site, fc.slug),
      state: fc.state,
      version: fc.version,
      headline: fc.snapshot.headline,
      claim: fc.snapshot.claim.text,
      speaker: fc.snapshot.speaker?.name ?? null,
      rating: fc.snapshot.rating ? { slug: fc.snapshot.rating.slug, label: fc.snapshot.rating.label } : null,
      conclusion: fc.snapshot.conclusion,
      publishedAt: fc.publishedAt,
      updatedAt: modifiedAt(fc),
      note: event === 'fact_check.published' ? null : (latest?.note ?? null),
      claimReview: claimReview(fc, site, bounds),
    },
  };
}
