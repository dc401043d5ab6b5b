import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { UserDto } from '@factdesk/domain';
import { ApiTokenEntity, UserEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/passwords.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { CreateUserDto, IssueApiTokenDto, UpdateUserDto } from './dto.js';
import { toApiTokenDto, toUserDto } from './user.view.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserDto[]> {
    const rows = await this.users.find({ order: { role: 'ASC', name: 'ASC' } });
    return rows.map(toUserDto);
  }

  async create(input: CreateUserDto, actorId: string, requestId: string): Promise<UserDto> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (m) => {
        const user = await m.getRepository(UserEntity).save(m.getRepository(UserEntity).create({ email: input.email, name: input.name, role: input.role, passwordHash }));
        const dto = toUserDto(user);
        await this.audit.record({ actorId, action: 'user.create', entityType: 'user', entityId: user.id, after: { ...dto }, requestId }, m);
        return dto;
      });
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
    const result = await this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('No such user.');
      const before = toUserDto(user);
      if (input.name !== undefined) user.name = input.name;
      if (input.role !== undefined) user.role = input.role;
      if (input.active !== undefined && input.active !== user.active) {
        user.active = input.active;
        user.deactivatedAt = input.active ? null : new Date();
      }
      if (passwordHash) user.passwordHash = passwordHash;
      await repo.save(user);
      const after = toUserDto(user);
      await this.audit.record({ actorId, action: 'user.update', entityType: 'user', entityId: id, before: { ...before }, after: { ...after, passwordChanged: Boolean(passwordHash) }, requestId }, m);
      return { after, signOut: input.active === false || Boolean(passwordHash) };
    });
    if (result.signOut) await this.sessions.revokeAllForUser(id);
    else this.sessions.userChanged(id);
    return result.after;
  }

  async listTokens() {
    const rows = await this.tokens.find({ order: { createdAt: 'DESC' } });
    return rows.map(toApiTokenDto);
  }

  async issueToken(input: IssueApiTokenDto, actorId: string, requestId: string) {
    const userId = input.userId ?? actorId;
    const owner = await this.users.findOneBy({ id: userId });
    if (!owner) throw new NotFoundException('No such user.');
    if (!owner.active) throw new ConflictException('Tokens cannot be issued for a deactivated user.');
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const { token, row } = await this.sessions.issueApiToken({ name: input.name, userId, createdById: actorId, expiresAt });
    await this.audit.record({ actorId, action: 'api_token.issue', entityType: 'api_token', entityId: row.id, after: { ...toApiTokenDto(row) }, requestId });
    return { ...toApiTokenDto(row), token };
  }

  async revokeToken(id: string, actorId: string, requestId: string): Promise<void> {
    const row = await this.tokens.findOneBy({ id });
    if (!row) throw new NotFoundException('No such API token.');
    if (row.revokedAt) return;
    const revokedAt = await this.sessions.revokeApiToken(row);
    await this.audit.record({ actorId, action: 'api_token.revoke', entityType: 'api_token', entityId: id, after: { revokedAt: revokedAt.toISOString() }, requestId });
  }
}
