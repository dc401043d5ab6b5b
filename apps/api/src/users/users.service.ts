import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserDto } from '@factdesk/domain';
import { AccountsRepository } from '@factdesk/persistence';
import { hashPassword } from '../auth/passwords.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { CreateUserDto, IssueApiTokenDto, UpdateUserDto } from './dto.js';
import { toApiTokenDto, toUserDto } from '../common/views.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<UserDto[]> {
    return (await this.accounts.listUsers()).map(toUserDto);
  }

  async create(input: CreateUserDto, actorId: string, requestId: string): Promise<UserDto> {
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.accounts.createUser(
        { email: input.email, name: input.name, role: input.role, passwordHash },
        { actorId, requestId, describe: (u) => ({ ...toUserDto(u) }) },
      );
      return toUserDto(user);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new ConflictException(`A user with the email ${input.email} already exists.`);
      }
      throw err;
    }
  }

  async update(id: string, input: UpdateUserDto, actorId: string, requestId: string): Promise<UserDto> {
    if (id === actorId && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
      throw new ConflictException('You cannot deactivate yourself or remove your own admin role; ask another admin.');
    }
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const user = await this.accounts.updateUser(
      id,
      (user) => {
        if (input.name !== undefined) user.name = input.name;
        if (input.role !== undefined) user.role = input.role;
        if (input.active !== undefined && input.active !== user.active) {
          user.active = input.active;
          user.deactivatedAt = input.active ? null : new Date();
        }
        if (passwordHash) user.passwordHash = passwordHash;
        return { passwordChanged: Boolean(passwordHash) };
      },
      { actorId, requestId, describe: (u) => ({ ...toUserDto(u) }) },
    );
    if (!user) throw new NotFoundException('No such user.');
    if (input.active === false || passwordHash) await this.sessions.revokeAllForUser(id);
    else this.sessions.userChanged(id);
    return toUserDto(user);
  }

  async listTokens() {
    return (await this.accounts.listTokens()).map(toApiTokenDto);
  }

  async issueToken(input: IssueApiTokenDto, actorId: string, requestId: string) {
    const userId = input.userId ?? actorId;
    const owner = await this.accounts.findUser(userId);
    if (!owner) throw new NotFoundException('No such user.');
    if (!owner.active) throw new ConflictException('Tokens cannot be issued for a deactivated user.');
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const { token, tokenHash } = this.sessions.newApiTokenSecret();
    const row = await this.accounts.issueToken(
      { name: input.name, userId, createdById: actorId, expiresAt, tokenHash },
      { actorId, requestId, describe: (t) => ({ ...toApiTokenDto(t) }) },
    );
    return { ...toApiTokenDto(row), token };
  }

  async revokeToken(id: string, actorId: string, requestId: string): Promise<void> {
    const row = await this.accounts.findToken(id);
    if (!row) throw new NotFoundException('No such API token.');
    if (row.revokedAt) return;
    await this.accounts.revokeToken(id, { actorId, requestId });
    // After the commit: forgetting earlier would let a request re-cache the token meanwhile.
    this.sessions.userChanged(row.userId);
  }
}
