import type { DefaultJobOptions } from 'bullmq';

/**
 * Queue names. Light and heavy work get queues of their own, so quick jobs never wait behind slow ones:
 * fetching and extracting a document is I/O-bound, detecting its claims is CPU-bound.
 */
export const QUEUE_NAMES = {
  documentFetch: 'document-fetch',
  documentDetect: 'document-detect',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** One payload type per queue. Payloads carry ids only: the job's state lives in PostgreSQL. */
export interface JobPayloads {
  'document-fetch': { documentId: string };
  'document-detect': { documentId: string; contentHash: string };
}

/** Attempts, backoff and retention, set once for every queue. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** The same work always gets the same job id, so it is never queued twice. */
export function documentJobId(queue: QueueName, documentId: string, contentHash: string): string {
  return `${queue}:${documentId}:${contentHash.slice(0, 16)}`;
}
