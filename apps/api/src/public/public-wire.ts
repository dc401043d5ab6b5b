import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { httpDate } from '@factdesk/publishing';

/** Readers revalidate every time (a retraction must show at once); the revalidation is a cheap 304. */
export const CACHE_CONTROL = 'public, no-cache';

/** Bodies below this are sent as they are: compressing them saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | null;

/** What a rendered public response is, as PublicService builds it. */
export interface RenderedBody {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string | null;
  headers?: Record<string, string>;
}

export interface Variant {
  encoding: Encoding;
  body: Buffer;
  /** Each content-coding is a representation of its own, so each gets its own strong ETag (RFC 9110 §8.8.3). */
  etag: string;
}

/** Headers of a response, ready for writeHead: computed once per entry and variant. */
export type HeaderBlock = Record<string, string>;

interface Memo {
  variants: Partial<Record<'br' | 'gzip' | 'identity', Variant>>;
  /** Site-wide headers (helmet's security headers) as the normal path sent them for this entry. */
  site?: HeaderBlock;
  blocks: Map<string, string[]>;
}

const memos = new WeakMap<RenderedBody, Memo>();
const memo = (r: RenderedBody): Memo => {
  let m = memos.get(r);
  if (!m) memos.set(r, (m = { variants: {}, blocks: new Map() }));
  return m;
};

export const compressible = (r: RenderedBody) => r.status === 200 && r.body.length >= COMPRESS_FROM_BYTES;

/** Clients send a handful of distinct Accept-Encoding values; each is parsed once. */
const choices = new Map<string, Encoding>();

/** The coding to send for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  if (!acceptEncoding) return null;
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  let choice = choices.get(value);
  if (choice === undefined) {
    choice = parseAcceptEncoding(value);
    if (choices.size >= 256) choices.clear();
    choices.set(value, choice);
  }
  return choice;
}

function parseAcceptEncoding(value: string): Encoding {
  let br = false;
  let gzip = false;
  let any = false;
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'br') br = accepted;
    else if (name === 'gzip' || name === 'x-gzip') gzip = accepted;
    else if (name === '*') any = accepted;
  }
  return br ? 'br' : gzip || (any && !value.includes('gzip')) ? 'gzip' : null;
}

/** The body in the chosen coding, compressed once per entry and kept with it. */
export function variantFor(r: RenderedBody, acceptEncoding: string | string[] | undefined): Variant {
  const encoding = compressible(r) ? chooseEncoding(acceptEncoding) : null;
  const m = memo(r);
  const slot = encoding ?? 'identity';
  let v = m.variants[slot];
  if (!v) {
    const body =
      encoding === 'br'
        ? brotliCompressSync(r.body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: r.body.length },
          })
        : encoding === 'gzip'
          ? gzipSync(r.body, { level: 6 })
          : r.body;
    const etag = encoding ? `${r.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"` : r.etag;
    m.variants[slot] = v = { encoding, body, etag };
  }
  return v;
}

/** The entry's own headers (validators, type, paging links) for a 200 or a 304. */
export function entryHeaders(r: RenderedBody, v: Variant, notModified: boolean): HeaderBlock {
  const h: HeaderBlock = { 'cache-control': CACHE_CONTROL };
  if (r.status === 200) {
    h.etag = v.etag;
    if (r.lastModified) h['last-modified'] = httpDate(r.lastModified);
    if (compressible(r)) h.vary = 'Accept-Encoding';
  }
  // Paging links on feeds; Location on a redirect.
  if (r.headers) Object.assign(h, r.headers);
  if (!notModified) {
    h['content-type'] = r.contentType;
    if (v.encoding) h['content-encoding'] = v.encoding;
  }
  return h;
}

/** Headers that belong to one exchange, not to the entry: never copied from one response to another. */
const PER_RESPONSE = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'cache-control',
  'etag',
  'last-modified',
  'content-type',
  'content-encoding',
  'vary',
  'link',
]);

/** Keeps the site-wide headers the normal path sent for this entry (helmet's), so hits send exactly the same. */
export function rememberSiteHeaders(r: RenderedBody, sent: Record<string, unknown>): void {
  const m = memo(r);
  if (m.site) return;
  const site: HeaderBlock = {};
  for (const [name, value] of Object.entries(sent)) {
    if (PER_RESPONSE.has(name.toLowerCase()) || (r.headers && name.toLowerCase() in r.headers) || value === undefined)
      continue;
    site[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  m.site = site;
}

function notModifiedHeaders(h: HeaderBlock): HeaderBlock {
  const kept: HeaderBlock = {};
  for (const name of ['etag', 'cache-control', 'vary'] as const) if (h[name] !== undefined) kept[name] = h[name];
  return kept;
}

/**
 * Every header of a hit as a flat [name, value, …] list for writeHead, built once per entry, variant
 * and status, ending with the x-request-id pair whose value the caller fills in; undefined until the
 * normal path has sent the entry once.
 */
export function hitHeaders(r: RenderedBody, v: Variant, notModified: boolean): string[] | undefined {
  const m = memos.get(r);
  if (!m?.site) return undefined;
  const key = `${v.encoding ?? 'identity'}:${notModified ? 304 : r.status}`;
  let block = m.blocks.get(key);
  if (!block) {
    // A 304 carries only what RFC 9110 §15.4.5 asks for (ETag, Cache-Control, Vary; Node adds Date): the
    // browser keeps the cached 200's other headers, security headers included, so resending them is waste.
    const headers: HeaderBlock = notModified
      ? notModifiedHeaders(entryHeaders(r, v, true))
      : { ...m.site, ...entryHeaders(r, v, false) };
    if (!notModified) headers['content-length'] = String(v.body.length);
    block = [...Object.entries(headers).flat(), 'x-request-id', ''];
    m.blocks.set(key, block);
  }
  return block;
}
