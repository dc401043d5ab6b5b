/**
 * Every kind of job, as data: its queue, its name and its payload. Light and heavy work get queues of their
 * own, so quick jobs never wait behind slow ones: fetching and extracting a document is I/O-bound, detecting
 * its claims is CPU-bound, and linking its claims to similar claims (database-bound) follows detection
 * without holding it up. Apps build jobs with the constructors below and hand them to JobQueue.
 */
export const QUEUE_NAMES = {
  documentFetch: 'document-fetch',
  documentDetect: 'document-detect',
  claimLink: 'claim-link',
  maintenance: 'maintenance',
  webhookDelivery: 'webhook-delivery',
  sourcePoll: 'source-poll',
  publication: 'publication',
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
  /** Publish a claim at its scheduled time, if its schedule is still pending at `version` (checked in PostgreSQL). */
  publication: { claimId: string; version: number };
}

/** The one job name of each queue (what the dashboard lists). */
export interface JobNames {
  'document-fetch': 'fetch';
  'document-detect': 'detect';
  'claim-link': 'link';
  maintenance: 'sweep';
  'webhook-delivery': 'deliver';
  'source-poll': 'poll';
  publication: 'publish';
}

/** What a job may set beyond the queue's defaults (DEFAULT_JOB_OPTIONS). */
export interface JobOptions {
  /** The same work gets the same id, so it is never queued twice. */
  jobId?: string;
  attempts?: number;
  backoff?: { type: 'exponential' | 'fixed'; delay: number };
  /** Milliseconds to wait before the job may run (a delayed job). */
  delay?: number;
  /** Drop the job from Redis once it completed or failed for good, so the same id can be queued again. */
  removeOnComplete?: boolean;
  removeOnFail?: boolean;
}

/** A job to enqueue: the typed union of every kind (queue, name, payload). */
export type JobSpec<Q extends QueueName = QueueName> = {
  [K in Q]: { queue: K; name: JobNames[K]; data: JobPayloads[K]; options?: JobOptions };
}[Q];

/** A repeating job: one per id however many processes upsert it. */
export type ScheduleSpec<Q extends QueueName = QueueName> = {
  [K in Q]: { queue: K; id: string; everyMs: number; job: { name: JobNames[K]; data: JobPayloads[K] } };
}[Q];

/** Attempts, backoff and retention, set once for every queue. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** What routing a document needs to know. */
export interface DocumentRef {
  id: string;
  contentHash: string;
  attempts: number;
  format: string;
  /** The document's status; a document `detecting` already has its text, one `fetching` has not. */
  status?: string;
}

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

/** Where a document's work starts: the fetch-or-detect routing, decided here only. */
export function documentStage(doc: Pick<DocumentRef, 'format' | 'status'>): 'fetch' | 'detect' {
  if (doc.status === 'detecting') return 'detect';
  if (doc.status === 'fetching') return 'fetch';
  return hasTextFormat(doc.format) ? 'detect' : 'fetch';
}

/** The next job of a document that is waiting for work: fetching and extraction, or (text) detection. */
export function documentJobFor(doc: DocumentRef): JobSpec<'document-fetch' | 'document-detect'> {
  return documentStage(doc) === 'detect' ? detectJobFor(doc) : fetchJobFor(doc);
}

/** Fetch a URL or extract an uploaded file. */
export function fetchJobFor(doc: Omit<DocumentRef, 'format'>): JobSpec<'document-fetch'> {
  return {
    queue: 'document-fetch',
    name: 'fetch',
    data: { documentId: doc.id },
    options: { jobId: documentJobId(doc.id, doc.contentHash, doc.attempts) },
  };
}

/** Detect the claims of a document that has its text (after extraction, or text from the start). */
export function detectJobFor(doc: Omit<DocumentRef, 'format'>): JobSpec<'document-detect'> {
  return {
    queue: 'document-detect',
    name: 'detect',
    data: { documentId: doc.id },
    options: { jobId: documentJobId(doc.id, doc.contentHash, doc.attempts) },
  };
}

/** Link a detection's claims: one linking job per detection, however often it is queued. */
export function claimLinkJobFor(doc: Omit<DocumentRef, 'format'>): JobSpec<'claim-link'> {
  return {
    queue: 'claim-link',
    name: 'link',
    data: { documentId: doc.id },
    options: { jobId: claimLinkJobId(doc.id, doc.contentHash, doc.attempts) },
  };
}

/** The job that links the next chunk of a document's claims: one per chain and position. */
export function claimLinkNextJobFor(documentId: string, chain: string, after: string): JobSpec<'claim-link'> {
  return {
    queue: 'claim-link',
    name: 'link',
    data: { documentId, after, chain },
    options: { jobId: `${chain}-after-${after}` },
  };
}

/** One attempt at a webhook delivery, retried with exponential backoff; the delivery id is the job id. */
export function deliveryJobFor(
  deliveryId: string,
  retry: { maxAttempts: number; retryBaseMs: number },
): JobSpec<'webhook-delivery'> {
  return {
    queue: 'webhook-delivery',
    name: 'deliver',
    data: { deliveryId },
    options: {
      jobId: deliveryId,
      attempts: retry.maxAttempts,
      backoff: { type: 'exponential', delay: retry.retryBaseMs },
    },
  };
}

/** A person's "check now" of a monitored source (skips a failing source's backoff). */
export function sourcePollJobFor(sourceId: string): JobSpec<'source-poll'> {
  return { queue: 'source-poll', name: 'poll', data: { sourceId, manual: true } };
}

/** The one repeatable schedule of a source's polls: changing the interval replaces it; pausing removes it. */
export const sourceSchedulerId = (sourceId: string) => `source-${sourceId}`;

export function sourcePollSchedule(source: { id: string; pollIntervalMinutes: number }): ScheduleSpec<'source-poll'> {
  return {
    queue: 'source-poll',
    id: sourceSchedulerId(source.id),
    everyMs: source.pollIntervalMinutes * 60_000,
    job: { name: 'poll', data: { sourceId: source.id } },
  };
}

/** The worker's housekeeping (the sweep and the schedules' reconciliation): one schedule for all workers. */
export function sweepSchedule(everyMs: number): ScheduleSpec<'maintenance'> {
  return { queue: 'maintenance', id: 'sweep', everyMs, job: { name: 'sweep', data: { task: 'sweep' } } };
}

/**
 * A scheduled publication's delayed job: its id names the claim and the schedule's version, so a reschedule
 * (a new version) queues a job of its own and the old one, should it still run, finds its version gone. The
 * job leaves Redis when done, so the worker's sweep can queue a pending schedule's job again if it was lost.
 */
export const publicationJobId = (claimId: string, version: number) => `publish-${claimId}-v${version}`;

export function publicationJobFor(
  schedule: { claimId: string; version: number; publishAt: Date },
  now: Date = new Date(),
): JobSpec<'publication'> {
  return {
    queue: 'publication',
    name: 'publish',
    data: { claimId: schedule.claimId, version: schedule.version },
    options: {
      jobId: publicationJobId(schedule.claimId, schedule.version),
      delay: Math.max(0, schedule.publishAt.getTime() - now.getTime()),
      removeOnComplete: true,
      removeOnFail: true,
    },
  };
}
