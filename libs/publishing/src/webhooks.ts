import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@factdesk/domain';
import { claimReview } from './claim-review.js';
import { factCheckUrl, modifiedAt, type PublicFactCheck, type RatingBounds, type SiteInfo } from './model.js';

/**
 * Webhooks follow the Standard Webhooks specification (https://www.standardwebhooks.com/): headers
 * webhook-id, webhook-timestamp (Unix seconds) and webhook-signature `v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`, keyed by the secret after its `whsec_` prefix. The worker signs with the
 * `standardwebhooks` package, so any Standard Webhooks library verifies them; receivers should refuse
 * timestamps more than five minutes away from their clock.
 */
export { WEBHOOK_EVENTS, type WebhookEvent };

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Signing secrets must be recoverable (the worker signs with them), so they cannot be hashed like API
 * tokens; they are stored sealed with AES-256-GCM under a key derived from SESSION_SECRET, bound to
 * the webhook's id (a sealed secret copied onto another row does not open). A database dump alone
 * therefore does not let anyone forge deliveries. Rotating SESSION_SECRET makes sealed secrets
 * unreadable: deliveries then fail with a message saying so, until an admin rotates each secret.
 */
const SEALED_PREFIX = 'v1.';

function sealingKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'factdesk', 'webhook signing secrets', 32));
}

export function sealWebhookSecret(secret: string, webhookId: string, sessionSecret: string): string {
  const raw = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(sessionSecret), iv);
  cipher.setAAD(Buffer.from(webhookId));
  const sealed = Buffer.concat([cipher.update(raw), cipher.final()]);
  return SEALED_PREFIX + [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

export class UnreadableWebhookSecretError extends Error {
  constructor() {
    super(
      "The signing secret cannot be read with the current SESSION_SECRET (was it changed?); rotate the webhook's secret.",
    );
  }
}

/** The whsec_… secret; throws UnreadableWebhookSecretError when it was sealed under another key or altered. */
export function openWebhookSecret(sealed: string, webhookId: string, sessionSecret: string): string {
  try {
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('not sealed');
    const [iv, tag, data] = sealed
      .slice(SEALED_PREFIX.length)
      .split('.')
      .map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(sessionSecret), iv);
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(tag);
    return `whsec_${Buffer.concat([decipher.update(data), decipher.final()]).toString('base64')}`;
  } catch {
    throw new UnreadableWebhookSecretError();
  }
}

export const eventOfKind = (kind: 'published' | 'corrected' | 'retracted'): WebhookEvent => `fact_check.${kind}`;

/** The body sent for an event: the fact-check as readers see it, with its ClaimReview when it has one. */
export function webhookPayload(
  event: WebhookEvent,
  occurredAt: string,
  fc: PublicFactCheck,
  site: SiteInfo,
  bounds: RatingBounds,
) {
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
