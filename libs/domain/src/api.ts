import type { Role } from './roles.js';

/** The one error shape every API error answers with. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** For validation errors: what is wrong with each field. */
  fields?: { field: string; message: string }[];
  requestId?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface MeDto {
  user: UserDto;
  /** How this request was authenticated. */
  via: 'session' | 'token';
  sessionExpiresAt: string | null;
}

export interface HealthDto {
  status: 'ok' | 'degraded';
  postgres: { ok: boolean; latencyMs?: number; error?: string };
  redis: { ok: boolean; latencyMs?: number; error?: string };
  /** Worker processes seen in the last 30 seconds; null when Redis cannot be asked. */
  workers: number | null;
  version: string;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Returned once, when a token is issued: the secret is never shown again. */
export interface IssuedApiTokenDto extends ApiTokenDto {
  token: string;
}
