import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { AccountsRepository, type SessionEntity, type UserEntity } from '@factdesk/persistence';
import { InjectConfig } from '../common/config.js';
import type { Principal } from '../common/access.js';
import { AccessCache, type SecretKind } from './access-cache.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from './tokens.js';

/** Refresh last_seen_at at most this often: a write per request would cost more than it tells. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side sessions and API tokens: creating, resolving and revoking them. Resolved ones are kept in
 * this process's AccessCache; every change of access made here also drops them from it at once (other
 * processes hear of it from the database).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly cache: AccessCache,
  ) {}

  private hash(secret: string) {
    return secretHash(secret, this.config.sessionSecret);
  }

  async createSession(
    user: UserEntity,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = newSecret();
    const session = await this.accounts.createSession({
      tokenHash: this.hash(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + this.config.sessionTtlMs),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      lastSeenAt: new Date(),
    });
    return { token, session };
  }

  /** The principal behind a session cookie, or null if the session is unknown, expired, revoked or its user inactive. */
  async resolveSession(token: string): Promise<Principal | null> {
    // An API token is never a session, whatever it was used as before.
    if (token.startsWith(API_TOKEN_PREFIX)) return null;
    return this.resolveCached('session', token, async (hash, now) => {
      // One query: findOne with a relation would send two (ids first, then rows).
      const session = await this.accounts.sessionByHash(hash);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= now || !session.user.active) return null;
      if (!session.lastSeenAt || now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.accounts.touchSession(session.id, new Date(now));
      }
      return {
        principal: { user: session.user, via: 'session', sessionId: session.id, sessionExpiresAt: session.expiresAt },
        expiresAt: session.expiresAt,
      };
    });
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    return this.resolveCached('token', token, async (hash, now) => {
      const row = await this.accounts.tokenByHash(hash);
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || !row.user.active) return null;
      if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.accounts.touchToken(row.id, new Date(now));
      }
      return {
        principal: { user: row.user, via: 'token', sessionId: null, sessionExpiresAt: null },
        expiresAt: row.expiresAt,
      };
    });
  }

  /** A secret's principal from this process's cache, or loaded from the database and then cached. */
  private async resolveCached(
    kind: SecretKind,
    token: string,
    load: (hash: string, now: number) => Promise<{ principal: Principal; expiresAt: Date | null } | null>,
  ): Promise<Principal | null> {
    const hash = this.hash(token);
    const now = Date.now();
    const cached = this.cache.get(kind, hash, now);
    if (cached) return cached;
    const generation = this.cache.begin();
    const loaded = await load(hash, now);
    if (!loaded) return null;
    this.cache.set(kind, hash, generation, loaded.principal, loaded.expiresAt, now);
    return loaded.principal;
  }

  /** Signs one session out (the caller's own, on sign-out). */
  async revokeSession(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await this.accounts.revokeSession(principal.sessionId);
    this.cache.forgetUser(principal.user.id);
  }

  async revokeSessionByToken(token: string): Promise<void> {
    const hash = this.hash(token);
    await this.accounts.revokeSessionByHash(hash);
    this.cache.forget('session', hash);
  }

  /** Signs a user out everywhere: on deactivation and password changes. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.accounts.revokeAllForUser(userId);
    this.cache.forgetUser(userId);
  }

  /** A user's role, name or email changed: signed-in requests must see it at once. */
  userChanged(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** A new secret for an API token and the hash to store for it. */
  newApiTokenSecret(): { token: string; tokenHash: string } {
    const token = newSecret(API_TOKEN_PREFIX);
    return { token, tokenHash: this.hash(token) };
  }
}
