import http from 'node:http';
import https from 'node:https';
import { parseWebUrl, type AddressPolicy } from './addresses.js';
import { OutboundRequestError } from './errors.js';
import { guardedAgents } from './guarded-agent.js';

export interface SafeFetchOptions extends AddressPolicy {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Where the body came from, after redirects. */
  url: string;
  redirects: number;
}

export const DEFAULT_USER_AGENT = 'Factdesk/0.1 (+https://github.com/factdesk/factdesk)';

// The agents check the address each connection actually uses, after DNS: no rebinding past them.
const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
function agentsFor(policy: AddressPolicy) {
  const key = JSON.stringify([policy.allowPrivate ?? false, policy.allowAddresses ?? []]);
  let pair = agents.get(key);
  if (!pair) {
    pair = guardedAgents({ allowPrivate: policy.allowPrivate, allowAddresses: policy.allowAddresses });
    agents.set(key, pair);
  }
  return pair;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP exchange under the address rules: only http(s); no private, loopback, link-local, reserved or
 * metadata address, checked on every connection including each redirect hop; a deadline for the whole
 * exchange; a cap on the body. Redirects are followed up to `maxRedirects`.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const maxRedirects = options.maxRedirects ?? 5;
  let url = parseWebUrl(rawUrl);
  let method = options.method ?? 'GET';
  let body = options.body;
  for (let redirects = 0; ; redirects += 1) {
    const response = await exchange(url, method, body, options, deadline);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return { ...response, url: url.toString(), redirects };
    if (redirects >= maxRedirects)
      throw new OutboundRequestError('too_many_redirects', `The address redirected more than ${maxRedirects} times.`);
    url = parseWebUrl(new URL(location, url).toString());
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

function exchange(
  url: URL,
  method: string,
  body: string | Buffer | undefined,
  options: SafeFetchOptions,
  deadline: number,
): Promise<Omit<SafeResponse, 'url' | 'redirects'>> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new OutboundRequestError('timeout', 'The address did not answer in time.'));
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const pool = agentsFor(options);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: OutboundRequestError) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(err);
    };
    const request = client.request(
      url,
      {
        method,
        agent: url.protocol === 'https:' ? pool.https : pool.http,
        headers: {
          'user-agent': DEFAULT_USER_AGENT,
          accept: '*/*',
          ...options.headers,
          ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) return fail(tooLarge(maxBytes));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(tooLarge(maxBytes));
          chunks.push(chunk);
        });
        response.on('error', (err) =>
          fail(new OutboundRequestError('network', `The connection failed: ${err.message}`)),
        );
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    const timer = setTimeout(
      () => fail(new OutboundRequestError('timeout', 'The address did not answer in time.')),
      remaining,
    );
    request.on('error', (err) => {
      clearTimeout(timer);
      fail(
        err instanceof OutboundRequestError
          ? err
          : new OutboundRequestError(
              'network',
              `The address could not be reached: ${(err as NodeJS.ErrnoException).code ?? err.message}`,
            ),
      );
    });
    request.on('close', () => clearTimeout(timer));
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const tooLarge = (maxBytes: number) =>
  new OutboundRequestError('too_large', `The response is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
