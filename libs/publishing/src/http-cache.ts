import { createHash } from 'node:crypto';

/** A strong validator: the same bytes always give the same ETag, on every API instance. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** HTTP dates have one-second resolution (RFC 9110 §5.6.7). */
export function httpDate(iso: string | Date): string {
  return new Date(iso).toUTCString();
}

export interface ConditionalHeaders {
  'if-none-match'?: string | string[];
  'if-modified-since'?: string | string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/**
 * Whether a GET/HEAD may be answered 304 (RFC 9110 §13.2.2): If-None-Match decides when present
 * (weak comparison, `*` matches any current representation); only without it does
 * If-Modified-Since count, compared at one-second resolution.
 */
export function notModified(headers: ConditionalHeaders, etag: string, lastModified: string | null): boolean {
  const inm = first(headers['if-none-match']);
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    const opaque = etag.replace(/^W\//, '');
    return inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
  }
  const ims = first(headers['if-modified-since']);
  if (ims === undefined || lastModified === null) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  return Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
}
