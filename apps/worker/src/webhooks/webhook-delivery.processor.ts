import { performance } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import type { AppConfig } from '@factdesk/config';
import { DEFAULT_USER_AGENT, OutboundRequestError, safeFetch } from '@factdesk/net';
import { WebhooksRepository, type WebhookAttempt, type WebhookDeliveryState } from '@factdesk/persistence';
import { openWebhookSecret, UnreadableWebhookSecretError } from '@factdesk/publishing';
import { isLastAttempt, JobRunner, QUEUE_NAMES, UnrecoverableError, type QueuedJob } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';

/** What the delivery log keeps of a response body. */
export const RESPONSE_EXCERPT_CHARS = 1_000;
/** Receivers answer with a status; a large body is not read beyond this. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** A webhook endpoint should answer quickly and do its work later. */
const MAX_TIMEOUT_MS = 15_000;
const DELIVERY_CONCURRENCY = 8;

/**
 * Makes one attempt at one delivery: a POST of the stored body, signed afresh (Standard Webhooks:
 * webhook-id is the delivery id, so receivers can deduplicate retries), through safeFetch under the
 * outbound address rules (each connection is checked after DNS), with no redirects followed, a
 * deadline and a size cap. A 2xx answer succeeds; anything else is recorded and thrown, so BullMQ
 * retries with exponential backoff until the attempts run out. Refused or invalid addresses and an
 * unreadable secret are not retried: another try cannot succeed.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    @InjectWorkerConfig() private readonly config: AppConfig,
    private readonly runner: JobRunner,
  ) {}

  onApplicationBootstrap() {
    this.runner.run(QUEUE_NAMES.webhookDelivery, (job) => this.process(job), { concurrency: DELIVERY_CONCURRENCY });
  }

  async process(job: QueuedJob<'webhook-delivery'>): Promise<void> {
    const { deliveryId } = job.data;
    const d = await this.webhooks.toSend(deliveryId);
    if (!d || d.state !== 'pending') return; // webhook deleted, or already settled
    if (!d.active) {
      await this.webhooks.settle(deliveryId, 'cancelled', null);
      return;
    }
    const last = isLastAttempt(job);
    const started = performance.now();
    const at = new Date();
    let attempt: WebhookAttempt;
    let permanent = false;
    try {
      const secret = openWebhookSecret(d.secret, d.webhookId, this.config.sessionSecret);
      const signature = new Webhook(secret).sign(deliveryId, at, d.payload);
      const res = await safeFetch(d.url, {
        method: 'POST',
        body: d.payload,
        headers: {
          'content-type': 'application/json',
          'user-agent': DEFAULT_USER_AGENT,
          'webhook-id': deliveryId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        maxRedirects: 0,
        timeoutMs: Math.min(this.config.outbound.timeoutMs, MAX_TIMEOUT_MS),
        maxBytes: MAX_RESPONSE_BYTES,
        allowPrivate: this.config.outbound.allowPrivate,
        allowAddresses: this.config.outbound.allowAddresses,
      });
      const ok = res.status >= 200 && res.status < 300;
      attempt = {
        at: at.toISOString(),
        status: res.status,
        error: ok
          ? null
          : res.status >= 300 && res.status < 400
            ? `The endpoint redirected (HTTP ${res.status}); redirects are not followed.`
            : `The endpoint answered HTTP ${res.status}.`,
        durationMs: Math.round(performance.now() - started),
        response: excerpt(res.body),
      };
    } catch (err) {
      permanent =
        err instanceof UnreadableWebhookSecretError ||
        (err instanceof OutboundRequestError && (err.code === 'refused_address' || err.code === 'bad_url'));
      const message =
        err instanceof OutboundRequestError && err.code === 'too_many_redirects'
          ? 'The endpoint redirected; redirects are not followed.'
          : err instanceof OutboundRequestError || err instanceof UnreadableWebhookSecretError
            ? err.message
            : `Unexpected error: ${(err as Error).message}`;
      attempt = {
        at: at.toISOString(),
        status: null,
        error: message,
        durationMs: Math.round(performance.now() - started),
        response: null,
      };
    }
    const succeeded = attempt.error === null;
    const state: WebhookDeliveryState = succeeded ? 'succeeded' : last || permanent ? 'failed' : 'pending';
    await this.webhooks.settle(deliveryId, state, attempt);
    if (succeeded) return;
    this.logger.warn({
      msg: 'webhook delivery attempt failed',
      deliveryId,
      attempt: job.attemptsMade + 1,
      error: attempt.error,
      final: state === 'failed',
    });
    if (permanent) throw new UnrecoverableError(attempt.error!);
    throw new Error(attempt.error!);
  }
}

function excerpt(body: Buffer): string | null {
  if (!body.length) return null;
  const text = body.subarray(0, RESPONSE_EXCERPT_CHARS * 4).toString('utf8');
  return text.length > RESPONSE_EXCERPT_CHARS ? `${text.slice(0, RESPONSE_EXCERPT_CHARS)}…` : text;
}
