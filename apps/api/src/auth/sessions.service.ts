import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { ApiTokenEntity, SessionEntity, type UserEntity } from '@factdesk/persistence';
import { InjectConfig } from '../common/config.js';
import type { Principal } from '../common/access.js';
import { AccessCache } from './access-cache.js';
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
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly cache: AccessCache,
  ) {}

  private hash(secret: string) {
    return secretHash(secret, this.config.sessionSecret);
  }

  async createSession(user: UserEntity, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; session: SessionEntity }> {
    const token = newSecret();
    const session = await this.sessions.save(
      this.sessions.create({
        tokenHash: this.hash(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + this.config.sessionTtlMs),
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        lastSeenAt: new Date(),
      }),
    );
    return { token, session };
  }

  /** The principal behind a session cookie, or null if the session is unknown, expired, revoked or its user inactive. */
  resolveSession(token: string): Promise<Principal | null> {
    return this.resolveCached(token, async (hash, now) => {
      // One query: findOne with a relation would send two (ids first, then rows).
      const session = await this.sessions.createQueryBuilder('s').innerJoinAndSelect('s.user', 'u').where('s.tokenHash = :hash', { hash }).getOne();
      if (!session || session.revokedAt || session.expiresAt.getTime() <= now || !session.user.active) return null;
      if (!session.lastSeenAt || now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.sessions.update({ id: session.id }, { lastSeenAt: new Date(now) });
      }
      return { principal: { user: session.user, via: 'session', sessionId: session.id, sessionExpiresAt: session.expiresAt }, expiresAt: session.expiresAt };
    });
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    return this.resolveCached(token, async (hash, now) => {
      const row = await this.tokens.createQueryBuilder('t').innerJoinAndSelect('t.user', 'u').where('t.tokenHash = :hash', { hash }).getOne();
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || !row.user.active) return null;
      if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        await this.tokens.update({ id: row.id }, { lastUsedAt: new Date(now) });
      }
      return { principal: { user: row.user, via: 'token', sessionId: null, sessionExpiresAt: null }, expiresAt: row.expiresAt };
    });
  }

  /** A secret's principal from this process's cache, or loaded from the database and then cached. */
  private async resolveCached(
    token: string,
    load: (hash: string, now: number) => Promise<{ principal: Principal; expiresAt: Date | null } | null>,
  ): Promise<Principal | null> {
    const hash = this.hash(token);
    const now = Date.now();
    const cached = this.cache.get(hash, now);
    if (cached) return cached;
    const generation = this.cache.begin();
    const loaded = await load(hash, now);
    if (!loaded) return null;
    this.cache.set(hash, generation, loaded.principal, loaded.expiresAt, now);
    return loaded.principal;
  }

  /** Signs one session out (the caller's own, on sign-out). */
  async revokeSession(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await this.sessions.update({ id: principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.forgetUser(principal.user.id);
  }

  async revokeSessionByToken(token: string): Promise<void> {
    const hash = this.hash(token);
    await this.sessions.update({ tokenHash: hash, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.forget(hash);
  }

  /** Signs a user out everywhere: on deactivation and password changes. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.cache.forgetUser(userId);
  }

  /** Revokes an API token; answers when. */
  async revokeApiToken(row: ApiTokenEntity): Promise<Date> {
    const revokedAt = new Date();
    await this.tokens.update({ id: row.id }, { revokedAt });
    this.cache.forgetUser(row.userId);
    return revokedAt;
  }

  /** A user's role, name or email changed: signed-in requests must see it at once. */
  userChanged(userId: string): void {
    this.cache.forgetUser(userId);
  }

  async issueApiToken(input: { name: string; userId: string; createdById: string; expiresAt: Date | null }): Promise<{ token: string; row: ApiTokenEntity }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const row = await this.tokens.save(this.tokens.create({ ...input, tokenHash: this.hash(token) }));
    return { token, row };
  }
}
