import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { ApiTokenEntity, SessionEntity, type UserEntity } from '@factdesk/persistence';
import { InjectConfig } from '../common/config.js';
import type { Principal } from '../common/access.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from './tokens.js';

/** Refresh last_seen_at at most this often: a write per request would cost more than it tells. */
const TOUCH_INTERVAL_MS = 60_000;

/** Server-side sessions and API tokens: creating, resolving and revoking them. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
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
  async resolveSession(token: string): Promise<Principal | null> {
    // One query on every signed-in request: findOne with a relation would send two (ids first, then rows).
    const session = await this.sessions.createQueryBuilder('s').innerJoinAndSelect('s.user', 'u').where('s.tokenHash = :hash', { hash: this.hash(token) }).getOne();
    const now = Date.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now || !session.user.active) return null;
    if (!session.lastSeenAt || now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: new Date(now) });
    }
    return { user: session.user, via: 'session', sessionId: session.id, sessionExpiresAt: session.expiresAt };
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await this.tokens.createQueryBuilder('t').innerJoinAndSelect('t.user', 'u').where('t.tokenHash = :hash', { hash: this.hash(token) }).getOne();
    const now = Date.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || !row.user.active) return null;
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.tokens.update({ id: row.id }, { lastUsedAt: new Date(now) });
    }
    return { user: row.user, via: 'token', sessionId: null, sessionExpiresAt: null };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeSessionByToken(token: string): Promise<void> {
    await this.sessions.update({ tokenHash: this.hash(token), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Signs a user out everywhere: on deactivation and role changes. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async issueApiToken(input: { name: string; userId: string; createdById: string; expiresAt: Date | null }): Promise<{ token: string; row: ApiTokenEntity }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const row = await this.tokens.save(this.tokens.create({ ...input, tokenHash: this.hash(token) }));
    return { token, row };
  }
}
