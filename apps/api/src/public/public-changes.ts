import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '@factdesk/config';
import { InjectConfig } from '../common/config.js';
import { PublicCache } from './public-cache.js';

/** The channel the database triggers notify on every change readers can see (see the PublicSiteWebhooks migration). */
export const PUBLIC_CHANNEL = 'factdesk_public';

/**
 * Listens to PostgreSQL for public changes, on a connection of its own. NOTIFY is sent by triggers
 * on commit, so every API process, however many, hears of every publication, correction,
 * retraction, rating, speaker or site-page change, whichever process or script made it. While the
 * connection is down the cache is bypassed; on reconnecting it starts empty.
 */
@Injectable()
export class PublicChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicChanges.name);
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly listeners: ((payload: string) => void)[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly cache: PublicCache,
  ) {}

  /** Called after the cache is cleared, for each notification (e.g. to dispatch webhooks). */
  onChange(listener: (payload: string) => void): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'factdesk-api-listen' });
    client.on('notification', (msg) => {
      this.cache.clear();
      for (const listener of this.listeners) listener(msg.payload ?? '');
    });
    const lost = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.cache.setLive(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ msg: 'public change feed lost; serving uncached until it is back', err: err?.message });
      this.retryTimer = setTimeout(() => void this.connect(), 1_000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CHANNEL}`);
      this.client = client;
      this.cache.setLive(true);
      for (const listener of this.listeners) listener('connected');
    } catch (err) {
      client.end().catch(() => undefined);
      this.cache.setLive(false);
      if (this.stopped) return;
      this.logger.warn({ msg: 'public change feed could not connect; retrying', err: (err as Error).message });
      this.retryTimer = setTimeout(() => void this.connect(), 1_000);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.cache.setLive(false);
    await client?.end().catch(() => undefined);
  }
}
