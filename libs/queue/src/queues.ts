import type { DefaultJobOptions } from 'bullmq';

/**
 * Queue names. Light and heavy work get queues of their own, so quick jobs never wait behind slow ones:
 * fetching and extracting a document is I/O-bound, detecting its claims is CPU-bound, and linking its claims
 * to similar claims (database-bound) follows detection without holding it up.
 */
export const QUEUE_NAMES = {
  documentFetch: 'document-fetch',
  documentDetect: 'document-detect',
  claimLink: 'claim-link',
  maintenance: 'maintenance',
  webhookDelivery: 'webhook-delivery',
  sourcePoll: 'source-poll',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** One payload type per queue. Payloads carry ids only: the job's state lives in PostgreSQL. */
export interface JobPayloads {
  /** Fetch a URL, or extract an uploaded file's text. */
  'document-fetch': { documentId: string };
  /** Find the claims in a document's text. */
  'document-detect': { documentId: string };
  /**
   * Link a document's claims to similar claims and earlier fact-checks (after the document is done), a chunk
   * at a time: the claims after `after` (by id); `chain` is the id of the chain's first job.
   */
  'claim-link': { documentId: string; after?: string; chain?: string };
  /** Periodic housekeeping: re-enqueue documents whose jobs were lost. */
  maintenance: { task: 'sweep' };
  /** POST one webhook delivery (a row of webhook_deliveries); the delivery id is also the job id. */
  'webhook-delivery': { deliveryId: string };
  /** Check a monitored source for new items; `manual` skips the failing source's backoff. */
  'source-poll': { sourceId: string; manual?: boolean };
}

/** Attempts, backoff and retention, set once for every queue. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** Documents submitted as text skip fetching and extraction. */
export function hasTextFormat(format: string): boolean {
  return format === 'text' || format === 'markdown';
}

/**
 * The same work always gets the same job id, so it is never queued twice: the document, its content and
 * its attempt (a person's retry is new work; a sweep re-enqueueing lost work is not).
 */
export function documentJobId(documentId: string, contentHash: string, attempt: number): string {
  return `${documentId}-${contentHash.slice(0, 16)}-a${attempt}`;
}

/** The linking job of a document's detection: the same detection links once, however often it is queued. */
export function claimLinkJobId(documentId: string, contentHash: string, attempt: number): string {
  return `link-${documentJobId(documentId, contentHash, attempt)}`;
}

/** The job that links the next chunk of a document's claims: one per chain and position, however often it is queued. */
export function claimLinkNextJobId(chain: string, after: string): string {
  return `${chain}-after-${after}`;
}

/** The one repeatable schedule of a source's polls: changing the interval replaces it; pausing removes it. */
export const sourceSchedulerId = (sourceId: string) => `source-${sourceId}`;
