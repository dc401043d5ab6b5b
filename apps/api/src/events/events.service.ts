import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { AppConfig } from '@factdesk/config';
import type { ClaimEventDto, DeskEventDto } from '@factdesk/domain';
import { createRedisClient, eventsChannel, type RedisClient } from '@factdesk/queue';
import { InjectConfig } from '../common/config.js';
import { DatabaseChanges } from '../database/database-changes.js';

/** Notified by the ClaimChangeNotify migration's trigger on each audit event that names a claim. */
export const CLAIMS_CHANNEL = 'factdesk_claims';

/**
 * Relays the worker's events (document progress, new claims) from Redis pub/sub, and claim changes from
 * PostgreSQL's notifications, to the API's event streams.
 */
@Injectable()
export class EventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventsService.name);
  private readonly subject = new Subject<DeskEventDto>();
  private subscriber?: RedisClient;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    changes: DatabaseChanges,
  ) {
    changes.subscribe(CLAIMS_CHANNEL, {
      changed: (payload) => {
        try {
          this.subject.next({ type: 'claim', ...(JSON.parse(payload) as Omit<ClaimEventDto, 'type'>) });
        } catch {
          this.logger.warn('ignored a malformed claim notification');
        }
      },
      // A screen that missed changes while the feed was down refetches on its next event or focus.
      live: () => undefined,
    });
  }

  onModuleInit() {
    // A subscribed connection can do nothing else, so it is its own; it reconnects and resubscribes by
    // itself. Start-up does not wait for it: the API serves requests while Redis is away.
    this.subscriber = createRedisClient(this.config.redisUrl, 'subscriber', (err) =>
      this.logger.warn(`events subscriber: ${err.message}`),
    );
    this.subscriber.on('message', (_channel, message) => {
      try {
        this.subject.next(JSON.parse(message) as DeskEventDto);
      } catch {
        this.logger.warn('ignored a malformed event');
      }
    });
    this.subscriber
      .subscribe(eventsChannel(this.config.redisPrefix))
      .catch((err) => this.logger.warn(`events subscriber: ${(err as Error).message}`));
  }

  get events(): Observable<DeskEventDto> {
    return this.subject.asObservable();
  }

  async onApplicationShutdown() {
    this.subject.complete();
    this.subscriber?.disconnect();
  }
}
