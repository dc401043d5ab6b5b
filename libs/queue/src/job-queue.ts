import { Queue, type Job, type JobType } from 'bullmq';
import { bullConnection } from './connection.js';
import {
  DEFAULT_JOB_OPTIONS,
  QUEUE_NAMES,
  type JobPayloads,
  type JobSpec,
  type QueueName,
  type ScheduleSpec,
} from './jobs.js';

export interface JobQueueOptions {
  redisUrl: string;
  prefix: string;
  /** `producer` (the API: fail fast, the sweep catches up) or `worker` (wait through a Redis restart). */
  connection: 'producer' | 'worker';
  onError?: (queue: QueueName, err: Error) => void;
}

/** How long `offer` waits for Redis before leaving the work to a sweep. */
const OFFER_TIMEOUT_MS = 2000;

/**
 * The one way to put work on the queues, in the API, the worker, scripts and tests alike: enqueue one
 * job or many, upsert and remove schedules, and read jobs back (the dashboard, tests, benchmarks). One
 * BullMQ Queue per queue name, made on first use.
 */
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly options: JobQueueOptions) {}

  private queue<Q extends QueueName>(name: Q): Queue<JobPayloads[Q]> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.options.redisUrl, this.options.connection),
        prefix: this.options.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', (err) => this.options.onError?.(name, err));
      this.queues.set(name, queue);
    }
    return queue as unknown as Queue<JobPayloads[Q]>;
  }

  /** Enqueues a job; resolves to its id. A job whose id is already queued is not added again. */
  async add(job: JobSpec): Promise<string | undefined> {
    const added = await (this.queue(job.queue) as Queue).add(job.name, job.data, job.options);
    return added.id;
  }

  /**
   * Enqueues a job when Redis takes it within a moment: true when it is on the queue, false when it is not
   * (the caller's work is stored, and a sweep queues it later). Never throws.
   */
  async offer(job: JobSpec, timeoutMs = OFFER_TIMEOUT_MS): Promise<boolean> {
    const add = this.add(job);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        add,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in time')), timeoutMs);
        }),
      ]);
      return true;
    } catch (err) {
      add.catch(() => undefined);
      this.options.onError?.(job.queue, err as Error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Removes a job that is waiting or delayed (a scheduled publication moved or cancelled), if there is one;
   * false when it is running and so cannot be removed (a running job checks its work in PostgreSQL).
   */
  async remove(queue: QueueName, id: string): Promise<boolean> {
    return (await this.queue(queue).remove(id)) === 1;
  }

  /** Enqueues many jobs, one round trip per queue. */
  async addBulk(jobs: JobSpec[]): Promise<void> {
    const byQueue = new Map<QueueName, JobSpec[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    for (const [name, list] of byQueue)
      await (this.queue(name) as Queue).addBulk(list.map((j) => ({ name: j.name, data: j.data, opts: j.options })));
  }

  /** Creates or replaces a repeating job (its id makes it one however many processes upsert it). */
  async upsertSchedule(schedule: ScheduleSpec): Promise<void> {
    await (this.queue(schedule.queue) as Queue).upsertJobScheduler(
      schedule.id,
      { every: schedule.everyMs },
      { name: schedule.job.name, data: schedule.job.data },
    );
  }

  async removeSchedule(schedule: Pick<ScheduleSpec, 'queue' | 'id'>): Promise<void> {
    await this.queue(schedule.queue).removeJobScheduler(schedule.id);
  }

  /** The schedules of a queue, by id and interval. */
  async schedules(queue: QueueName): Promise<{ id: string; everyMs: number | null }[]> {
    return (await this.queue(queue).getJobSchedulers()).map((s) => ({
      id: s.key,
      everyMs: s.every == null ? null : Number(s.every),
    }));
  }

  async hasSchedule(queue: QueueName, id: string): Promise<boolean> {
    return Boolean(await this.queue(queue).getJobScheduler(id));
  }

  async getJob<Q extends QueueName>(queue: Q, id: string): Promise<Job<JobPayloads[Q]> | undefined> {
    return (await this.queue(queue).getJob(id)) as Job<JobPayloads[Q]> | undefined;
  }

  async getJobs<Q extends QueueName>(queue: Q, states: JobType[]): Promise<Job<JobPayloads[Q]>[]> {
    return (await this.queue(queue).getJobs(states, 0, -1)) as Job<JobPayloads[Q]>[];
  }

  async jobCounts(queue: QueueName, ...states: JobType[]): Promise<Record<string, number>> {
    return this.queue(queue).getJobCounts(...states);
  }

  /** Every queue, for the queue dashboard (Bull Board reads and manages them itself). */
  dashboardQueues(): Queue[] {
    return Object.values(QUEUE_NAMES).map((name) => this.queue(name) as unknown as Queue);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }

  /** Nest calls this on shutdown, after the processors have stopped (JobRunner closes before). */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
