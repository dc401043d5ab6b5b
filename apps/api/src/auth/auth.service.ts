import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AccountsRepository, type SessionEntity, type UserEntity } from '@factdesk/persistence';
import { SessionsService } from './sessions.service.js';
import { timingDummyHash, verifyPassword } from './passwords.js';

const BAD_CREDENTIALS = 'The email or password is incorrect.';

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Checks credentials and opens a new session. A session the browser already held is revoked first,
   * so a token planted before sign-in never becomes an authenticated one (session fixation).
   */
  async login(
    email: string,
    password: string,
    meta: { ip?: string; userAgent?: string; previousToken?: string },
  ): Promise<{ token: string; session: SessionEntity; user: UserEntity }> {
    if (meta.previousToken) await this.sessions.revokeSessionByToken(meta.previousToken);
    const user = await this.accounts.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
    if (!user || !ok) throw new UnauthorizedException(BAD_CREDENTIALS);
    // Said only to someone who knows the password.
    if (!user.active)
      throw new ForbiddenException('This account is deactivated; ask an administrator to reactivate it.');
    const { token, session } = await this.sessions.createSession(user, meta);
    user.lastLoginAt = new Date();
    await this.accounts.recordLogin(user.id, user.lastLoginAt);
    return { token, session, user };
  }
}
