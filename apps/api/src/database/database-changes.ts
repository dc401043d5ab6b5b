import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '@factdesk/config';
import { InjectConfig } from '../common/config.js';

/** What a cache kept in an API process needs to hear from the database. */
export interface ChangeSubscriber {
  /** A trigger notified the channel (delivered on commit), with its payload. */
  changed(payload: string): void;
  /** The feed is (re)connected or lost: either way, what was cached may be stale. */
  live(live: boolean): void;
}

/**
 * Listens to PostgreSQL, on one connection of its own, on the channels the database's triggers notify
 * (see the PublicSiteWebhooks and AccessChangeNotify migrations). NOTIFY is sent on commit, so every API
 * process, however many, hears of every change, whichever process or script made it. While the connection
 * is down its subscribers are told to cache nothing; on reconnecting they start empty.
 */
@Injectable()
export class DatabaseChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseChanges.name);
  private readonly subscribers = new Map<string, ChangeSubscriber[]>();
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /** Call while the application is created (from a provider's constructor): channels are listened to at bootstrap. */
  subscribe(channel: string, subscriber: ChangeSubscriber): void {
    this.subscribers.set(channel, [...(this.subscribers.get(channel) ?? []), subscriber]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  private setLive(live: boolean): void {
    for (const list of this.subscribers.values()) for (const s of list) s.live(live);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'factdesk-api-listen',
    });
    client.on('notification', (msg) => {
      for (const s of this.subscribers.get(msg.channel) ?? []) s.changed(msg.payload ?? '');
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.setLive(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ msg: 'database change feed lost; caching nothing until it is back', err: err?.message });
      this.retryTimer = setTimeout(() => void this.connect(), 1_000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      // Channel names are the constants subscribers pass, never user input.
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.setLive(true);
    } catch (err) {
      client.end().catch(() => undefined);
      this.setLive(false);
      if (this.stopped) return;
      this.logger.warn({ msg: 'database change feed could not connect; retrying', err: (err as Error).message });
      this.retryTimer = setTimeout(() => void this.connect(), 1_000);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.setLive(false);
    await client?.end().catch(() => undefined);
  }
}
