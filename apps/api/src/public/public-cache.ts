import { Injectable } from '@nestjs/common';
import { DatabaseChanges } from '../database/database-changes.js';

/** The channel the database's triggers notify on every change readers can see (see the PublicSiteWebhooks migration). */
export const PUBLIC_CHANNEL = 'factdesk_public';

export interface CachedResponse {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string | null;
  /** Extra headers, e.g. Link rel="next" on feeds. */
  headers?: Record<string, string>;
  storedAt: number;
}

/** Entries beyond this are evicted oldest-used first: unknown slugs and deep pages cannot grow memory without bound. */
const MAX_ENTRIES = 2_000;
/** A safety net only: invalidation is by notification; this bounds the harm of one lost. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Rendered public responses keyed by path and canonical query. Cleared whenever PostgreSQL reports a
 * public change (see DatabaseChanges). A fill that began before a clear is not stored: the generation
 * it started under is stale, so a response built from pre-change rows can never outlive the change.
 */
@Injectable()
export class PublicCache {
  private readonly entries = new Map<string, CachedResponse>();
  /** Request URL as received → cache key, so the fast path can answer without parsing the query. */
  private readonly urls = new Map<string, string>();
  private generation = 0;
  /** False while the change feed is down: without invalidation, nothing may be cached. */
  private live = false;

  constructor(changes: DatabaseChanges) {
    changes.subscribe(PUBLIC_CHANNEL, { changed: () => this.clear(), live: (live) => this.setLive(live) });
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (!this.live || Date.now() - hit.storedAt > MAX_AGE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Call before reading the database; pass the result to set(). */
  begin(): number {
    return this.generation;
  }

  set(key: string, generation: number, value: Omit<CachedResponse, 'storedAt'>): void {
    if (!this.live || generation !== this.generation) return;
    // The object itself is kept (not a copy): its compressed bodies and header blocks are memoised on it.
    this.entries.set(key, Object.assign(value, { storedAt: Date.now() }));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Remembers that this exact URL is served by this key (only ever for keys just stored). */
  remember(url: string, key: string): void {
    if (!this.live || !this.entries.has(key)) return;
    this.urls.set(url, key);
    if (this.urls.size > MAX_ENTRIES * 2) this.urls.delete(this.urls.keys().next().value!);
  }

  byUrl(url: string): CachedResponse | undefined {
    const key = this.urls.get(url);
    return key === undefined ? undefined : this.get(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.urls.clear();
  }

  /** The change feed is (re)connected or lost; either way what is cached may be stale. */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
