import { createHmac, randomBytes } from 'node:crypto';

/** A fresh unguessable secret for a session cookie or an API token. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Only a keyed hash of a secret is stored, so a leaked database grants no sessions,
 * and rotating SESSION_SECRET signs everyone out.
 */
export function secretHash(secret: string, key: string): string {
  return createHmac('sha256', key).update(secret).digest('hex');
}

export const SESSION_COOKIE = 'factdesk_session';
export const API_TOKEN_PREFIX = 'fdk_';
