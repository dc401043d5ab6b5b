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
  /** The server's configured limits, so the web app refuses too-large input before sending (and freezing on) it. */
  limits: { documentMaxBytes: number };
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

/** An editable public page (/methodology, /corrections-policy) with its current text. */
export interface SitePageDto {
  key: string;
  path: string;
  title: string;
  /** Markdown. */
  body: string;
  updatedAt: string | null;
  /** false while the built-in text is shown. */
  edited: boolean;
}

/** What a webhook can be told of: a fact-check published, corrected or retracted. */
export const WEBHOOK_EVENTS = ['fact_check.published', 'fact_check.corrected', 'fact_check.retracted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** cancelled: the webhook was disabled before the delivery could be made. */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export interface WebhookDto {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  /** The WEBHOOK_EVENTS it receives. */
  events: string[];
  createdById: string;
  createdAt: string;
  updatedAt: string;
  /** Deliveries by state. */
  deliveries: Record<WebhookDeliveryState, number>;
}

/** Returned on creation and rotation only: the signing secret is never shown again. */
export interface WebhookWithSecretDto extends WebhookDto {
  secret: string;
}

export interface WebhookAttemptDto {
  at: string;
  /** HTTP status, null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
  /** The start of the response body. */
  response: string | null;
}

export interface WebhookDeliveryDto {
  /** Also the webhook-id header. */
  id: string;
  event: string;
  factCheckId: string;
  state: WebhookDeliveryState;
  /** Oldest first. */
  attempts: WebhookAttemptDto[];
  createdAt: string;
  completedAt: string | null;
}

export interface WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  /** The exact JSON body sent on every attempt. */
  payload: string;
}
