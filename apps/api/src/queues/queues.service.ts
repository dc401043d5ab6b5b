import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AppConfig } from '@factdesk/config';
import { bullConnection, DEFAULT_JOB_OPTIONS, QUEUE_NAMES, type JobPayloads, type QueueName } from '@factdesk/queue';
import { InjectConfig } from '../common/config.js';

/** The API's producers for every queue the worker consumes (and what the queue dashboard shows). */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueuesService.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get<N extends QueueName>(name: N): Queue<JobPayloads[N]> {
    let queue = this.queues.get(name);
    if (!queue) {
      // Fail fast instead of buffering commands while Redis is away: callers have a fallback (the sweep).
      const connection = { ...bullConnection(this.config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
      queue = new Queue(name, { connection, prefix: this.config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue as Queue<JobPayloads[N]>;
  }

  all(): Queue[] {
    return Object.values(QUEUE_NAMES).map((name) => this.get(name));
  }

  async onApplicationShutdown() {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

@Global()
@Module({ providers: [QueuesService], exports: [QueuesService] })
export class QueuesModule {}
