import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type ApiTokenDto, type IssuedApiTokenDto, type MeDto, type Role, type UserDto } from '@factdesk/domain';
import type { ApiTokenEntity, UserEntity } from '@factdesk/persistence';

export class UserView implements UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'editor@demo.factdesk' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt: string | null;
}

export class MeView implements MeDto {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ enum: ['session', 'token'] }) via: 'session' | 'token';
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sessionExpiresAt: string | null;
}

export class ApiTokenView implements ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid', description: 'The user the token acts as' }) userId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
}

export class IssuedApiTokenView extends ApiTokenView implements IssuedApiTokenDto {
  @ApiProperty({ description: 'The secret, shown only in this response', example: 'fdk_…' }) token: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toUserDto(u: UserEntity): UserDto {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString(), lastLoginAt: iso(u.lastLoginAt) };
}

export function toApiTokenDto(t: ApiTokenEntity): ApiTokenDto {
  return { id: t.id, name: t.name, userId: t.userId, createdAt: t.createdAt.toISOString(), expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) };
}
