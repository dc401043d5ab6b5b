import { Injectable } from '@nestjs/common';
import { DatabaseChanges } from '../database/database-changes.js';
import type { Principal } from '../common/access.js';

/** The channel the database's triggers notify, with a user's id, when that user's access changes (AccessChangeNotify migration). */
export const ACCESS_CHANNEL = 'factdesk_access';

/** Entries beyond this are evicted oldest first: unknown secrets are never stored, so only real sign-ins fill it. */
const MAX_ENTRIES = 10_000;
/** A safety net behind the notifications, and how often a busy session's last_seen_at is refreshed. */
export const ACCESS_CACHE_MAX_AGE_MS = 60_000;

interface Entry {
  principal: Principal;
  /** When the session or token itself expires (ms), or null for a token without an end. */
  expiresAt: number | null;
  storedAt: number;
}

/** What a secret was presented as: a session cookie or a bearer API token. */
export type SecretKind = Principal['via'];

/**
 * Sessions and API tokens this process has resolved, by kind and their secret's hash (a token presented
 * as a cookie, or a session as a bearer, must never find the other's entry), so that a signed-in request
 * costs no database round trip. A user's entries are dropped when the database reports a change to their
 * access (sign-out, revocation, deactivation, new role, name or password: from any process), all of them
 * while that feed is down (nothing is cached then), and each after a minute in any case. A lookup that
 * began before a change is not stored: the generation it started under is stale.
 */
@Injectable()
export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private live = false;

  constructor(changes: DatabaseChanges) {
    changes.subscribe(ACCESS_CHANNEL, {
      changed: (userId) => this.forgetUser(userId),
      live: (live) => {
        this.live = live;
        this.forgetUser('*');
      },
    });
  }

  get(kind: SecretKind, hash: string, now: number): Principal | undefined {
    const key = `${kind}:${hash}`;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (
      !this.live ||
      now - hit.storedAt > ACCESS_CACHE_MAX_AGE_MS ||
      (hit.expiresAt !== null && hit.expiresAt <= now)
    ) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.principal;
  }

  /** Call before reading the database; pass the result to set(). */
  begin(): number {
    return this.generation;
  }

  set(
    kind: SecretKind,
    hash: string,
    generation: number,
    principal: Principal,
    expiresAt: Date | null,
    now: number,
  ): void {
    if (!this.live || generation !== this.generation || principal.via !== kind) return;
    const key = `${kind}:${hash}`;
    this.entries.delete(key);
    this.entries.set(key, { principal, expiresAt: expiresAt?.getTime() ?? null, storedAt: now });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops one session or token. */
  forget(kind: SecretKind, hash: string): void {
    this.generation += 1;
    this.entries.delete(`${kind}:${hash}`);
  }

  /** Drops one user's sessions and tokens, or every entry for '*'. */
  forgetUser(userId: string): void {
    this.generation += 1;
    if (userId === '*') return this.entries.clear();
    for (const [hash, entry] of this.entries) if (entry.principal.user.id === userId) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
