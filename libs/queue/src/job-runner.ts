import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { afterFailure } from '@factdesk/domain';
import { bullConnection } from './connection.js';
import type { JobPayloads, QueueName } from './jobs.js';

/** A job being processed, typed by its queue. */
export type QueuedJob<Q extends QueueName> = Job<JobPayloads[Q]>;

/** Thrown by a processor when another attempt cannot succeed: the job fails at once, without retries. */
export { UnrecoverableError };

export interface RunOptions<Q extends QueueName> {
  concurrency: number;
  /** After each failed attempt; `final` when no retry follows (permanent error, or the attempts are used up). */
  onFailed?: (job: QueuedJob<Q>, err: Error, final: boolean) => void | Promise<void>;
}

export interface JobRunnerOptions {
  redisUrl: string;
  prefix: string;
  onError?: (queue: QueueName, err: Error) => void;
}

/**
 * The one processor style: `runner.run(queue, process, { concurrency })` for every queue a process works
 * on. Closing lets running jobs finish (BullMQ's close waits for them).
 */
export class JobRunner {
  private readonly workers: Worker[] = [];
  private stopping = false;

  constructor(private readonly options: JobRunnerOptions) {}

  /** True once the process is stopping: long waits inside a job should end. */
  get closing(): boolean {
    return this.stopping;
  }

  run<Q extends QueueName>(
    queue: Q,
    process: (job: QueuedJob<Q>, token?: string) => Promise<void>,
    options: RunOptions<Q>,
  ): void {
    const worker = new Worker<JobPayloads[Q]>(queue, (job, token) => process(job, token), {
      connection: bullConnection(this.options.redisUrl, 'worker'),
      prefix: this.options.prefix,
      concurrency: options.concurrency,
    });
    worker.on('error', (err) => this.options.onError?.(queue, err));
    const onFailed = options.onFailed;
    if (onFailed)
      worker.on('failed', (job, err) => {
        if (job) void Promise.resolve(onFailed(job, err, isFinalFailure(job, err))).catch(() => undefined);
      });
    this.workers.push(worker);
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  /** Nest calls this before any onApplicationShutdown, so the queues are still open for running jobs. */
  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

/** Whether a failed attempt was the job's last (the retry rule is libs/domain's `afterFailure`). */
export function isFinalFailure(job: Job, err: Error): boolean {
  const unrecoverable = err instanceof UnrecoverableError || err.name === 'UnrecoverableError';
  return (
    afterFailure(unrecoverable ? 'permanent' : 'retryable', job.attemptsMade, job.opts.attempts ?? 1) === 'give_up'
  );
}

/** Whether the attempt now running is the job's last. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** Puts the running job back for later without counting an attempt (e.g. another job holds a lock it needs). */
export async function postpone(job: Job, token: string | undefined, delayMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}
