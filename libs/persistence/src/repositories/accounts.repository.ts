import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ApiTokenEntity, SessionEntity, UserEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** Who makes a change to an account, and how the audit event shows the record (the API's view of it). */
export interface AccountActor<T> {
  /** Null for the system (a command-line script). */
  actorId: string | null;
  requestId: string;
  describe: (record: T) => Record<string, unknown>;
}

export type NewUser = Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash'>;
export type NewSession = Pick<SessionEntity, 'tokenHash' | 'userId' | 'expiresAt' | 'ip' | 'userAgent' | 'lastSeenAt'>;
export type NewApiToken = Pick<ApiTokenEntity, 'name' | 'userId' | 'createdById' | 'expiresAt' | 'tokenHash'>;

/**
 * users, sessions and api_tokens: the only writers of those tables. Every change an admin makes (users,
 * tokens) commits with its audit event; sign-in bookkeeping (sessions, last seen, last login) is not audited.
 */
export class AccountsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  listUsers(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ order: { role: 'ASC', name: 'ASC' } });
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  /** By email, whatever its case (the unique index is on lower(email)). */
  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /** A new user with its audit event; a taken email fails with PostgreSQL's unique violation (23505). */
  async createUser(values: NewUser, actor: AccountActor<UserEntity>): Promise<UserEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const user = await repo.save(repo.create(values));
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: actor.describe(user),
        requestId: actor.requestId,
      });
      return user;
    });
  }

  /**
   * Changes a user (the row locked meanwhile) with its audit event: `change` edits the row and answers
   * what the event adds to the after-image. Null when there is no such user.
   */
  async updateUser(
    id: string,
    change: (user: UserEntity) => Record<string, unknown>,
    actor: AccountActor<UserEntity>,
  ): Promise<UserEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) return null;
      const before = actor.describe(user);
      const extra = change(user);
      await repo.save(user);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: { ...actor.describe(user), ...extra },
        requestId: actor.requestId,
      });
      return user;
    });
  }

  /** A user unless one with that email exists (which keeps its password): whether it was created. For seeding. */
  async createUserIfMissing(tx: EntityManager, values: NewUser): Promise<boolean> {
    const result = await tx
      .getRepository(UserEntity)
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore() // ON CONFLICT DO NOTHING
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async recordLogin(userId: string, at: Date): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { lastLoginAt: at });
  }

  // Sessions: sign-in bookkeeping.

  createSession(values: NewSession): Promise<SessionEntity> {
    const repo = this.db.getRepository(SessionEntity);
    return repo.save(repo.create(values));
  }

  /** A session and its user by the secret's hash, in one query. */
  sessionByHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ id }, { lastSeenAt: at });
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeSessionByHash(tokenHash: string): Promise<void> {
    await this.db.getRepository(SessionEntity).update({ tokenHash, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Signs a user out everywhere: every session and API token. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await tx.getRepository(ApiTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }

  // API tokens: issued and revoked by admins, with audit events.

  listTokens(): Promise<ApiTokenEntity[]> {
    return this.db.getRepository(ApiTokenEntity).find({ order: { createdAt: 'DESC' } });
  }

  findToken(id: string): Promise<ApiTokenEntity | null> {
    return this.db.getRepository(ApiTokenEntity).findOneBy({ id });
  }

  /** A token and its user by the secret's hash, in one query. */
  tokenByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.db
      .getRepository(ApiTokenEntity)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  async touchToken(id: string, at: Date): Promise<void> {
    await this.db.getRepository(ApiTokenEntity).update({ id }, { lastUsedAt: at });
  }

  /** Stores a token with its audit event: a token whose event cannot be written is not stored (its secret is never shown). */
  async issueToken(values: NewApiToken, actor: AccountActor<ApiTokenEntity>): Promise<ApiTokenEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ApiTokenEntity);
      const row = await repo.save(repo.create(values));
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'api_token.issue',
        entityType: 'api_token',
        entityId: row.id,
        after: actor.describe(row),
        requestId: actor.requestId,
      });
      return row;
    });
  }

  /** Revokes a token with its audit event; answers when. */
  async revokeToken(id: string, actor: Omit<AccountActor<ApiTokenEntity>, 'describe'>): Promise<Date> {
    const revokedAt = new Date();
    await this.db.transaction(async (tx) => {
      await tx.getRepository(ApiTokenEntity).update({ id }, { revokedAt });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: id,
        after: { revokedAt: revokedAt.toISOString() },
        requestId: actor.requestId,
      });
    });
    return revokedAt;
  }
}
