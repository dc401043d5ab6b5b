import { z } from 'zod';
import type { LogFormat } from './logging.js';

/** The development secret: accepted only outside production, so a forgotten setting cannot ship. */
export const DEVELOPMENT_SESSION_SECRET = 'factdesk-development-secret-change-me-outside-development';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.join(' or ')}//` },
  );

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/factdesk'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    /** Namespace for every Redis key (BullMQ queues, rate limits), so several installs can share a Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9:_-]+$/, 'letters, digits, colon, dash and underscore only')
      .default('factdesk'),
    SESSION_SECRET: z.string().default(DEVELOPMENT_SESSION_SECRET),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(12),
    /** Origins allowed to make cookie-authenticated writes (comma-separated); defaults to the app's own. */
    APP_ORIGINS: z.string().optional(),
    COOKIE_SECURE: bool.optional(),
    /** Behind a reverse proxy: trust its X-Forwarded-* headers for the client address and protocol. */
    TRUST_PROXY: bool.default(false),
    // On in tests: every JSON answer is checked against the route's OpenAPI schema (a mismatch is a 500).
    API_CHECK_RESPONSES: bool.optional(),
    LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
    LOGIN_RATE_LIMIT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `pretty` one-line logs for a person, `json` for machines; `auto`: pretty in development on a terminal. */
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('factdesk-demo'),
    /** Where the built web app lives; served at / by the API when present. */
    WEB_DIST_DIR: z.string().optional(),
    /** Public address of the fact-check pages and feeds (ClaimReview urls, feed links); no trailing slash needed. */
    PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
    /** The publishing organisation: ClaimReview author, feeds' author. */
    PUBLISHER_NAME: z.string().min(1).max(200).default('Factdesk'),
    PUBLISHER_URL: url(['http:', 'https:']).optional(),
    PUBLISHER_LOGO_URL: url(['http:', 'https:']).optional(),
    /**
     * Items per feed page (JSON Feed, Atom, RSS, ClaimReview feed); older items are on the next pages. Readers
     * poll the first page again and again, so it stays small, as most publishers' feeds do.
     */
    FEED_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(20),
    /** BCP 47 language of the published fact-checks. */
    PUBLIC_LANGUAGE: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or en-GB')
      .default('en'),
    /** Largest document accepted, pasted or uploaded, in bytes. */
    DOCUMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(200 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** Extraction's limits (issue 15): a document over one fails at once, with the limit in its reason. */
    EXTRACTION_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(30),
    EXTRACTION_MAX_MEMORY_MB: z.coerce.number().int().min(64).max(8192).default(512),
    EXTRACTION_MAX_UNPACKED_MB: z.coerce.number().min(1).max(2048).default(50),
    EXTRACTION_MAX_PDF_PAGES: z.coerce.number().int().min(1).max(100_000).default(2000),
    EXTRACTION_MAX_CHARACTERS: z.coerce.number().int().min(1000).max(100_000_000).default(2_000_000),
    EXTRACTION_MAX_HTML_DEPTH: z.coerce.number().int().min(10).max(10_000).default(500),
    EXTRACTION_MAX_HTML_ELEMENTS: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    WORKER_FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    WORKER_DETECT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    /** Check-worthiness threshold; the model's cross-validated one when unset. */
    CLAIM_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
    /** Let the worker fetch from private, loopback and link-local addresses (an intranet); never on a public install. */
    OUTBOUND_ALLOW_PRIVATE: bool.default(false),
    /** Single addresses allowed despite the rules, comma-separated. */
    OUTBOUND_ALLOW_ADDRESSES: z.string().optional(),
    OUTBOUND_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(20),
    /** Documents left queued or half-processed this long are re-enqueued by the sweep. */
    SWEEP_STALE_SECONDS: z.coerce.number().int().min(5).default(120),
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(30),
    /** Webhook deliveries: attempts in all, and the first retry's delay (doubling after each failure). */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
    WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'development' && c.NODE_ENV !== 'test') {
      // Fact-check URLs in ClaimReview and the feeds are built from it: a default would publish localhost links.
      if (!c.PUBLIC_BASE_URL)
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_BASE_URL'],
          message: 'must be set outside development (the public address of the fact-check pages)',
        });
      if (c.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['SESSION_SECRET'],
          message: 'must be set to your own secret outside development',
        });
      } else if (c.SESSION_SECRET.length < 32) {
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be at least 32 characters' });
      }
    }
  });

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string;
  sessionTtlMs: number;
  appOrigins: string[];
  cookieSecure: boolean;
  trustProxy: boolean;
  checkResponses: boolean;
  loginRateLimit: { max: number; windowMs: number };
  logLevel: string;
  logFormat: LogFormat;
  demoPassword: string;
  webDistDir: string | undefined;
  site: {
    baseUrl: string;
    publisherName: string;
    publisherUrl: string;
    publisherLogoUrl: string | null;
    language: string;
    feedPageSize: number;
  };
  documentMaxBytes: number;
  /** What extraction may use of one document; see libs/extraction's ExtractionLimits. */
  extraction: {
    /** Wall-clock time for the whole extraction, start of the sandbox included. */
    timeoutMs: number;
    /** Heap of the sandbox's thread; beyond it the thread is stopped, not the worker. */
    maxMemoryMb: number;
    /** Bytes a .docx may unpack to, counted while inflating. */
    maxUnpackedBytes: number;
    /** Pages a PDF may declare, checked before its pages are read. */
    maxPdfPages: number;
    /** Characters of extracted text. */
    maxCharacters: number;
    /** Nesting depth and element count of a web page, checked before a DOM is built. */
    maxHtmlDepth: number;
    maxHtmlElements: number;
  };
  worker: {
    fetchConcurrency: number;
    detectConcurrency: number;
    claimThreshold: number | undefined;
    sweepStaleMs: number;
    sweepIntervalMs: number;
  };
  outbound: { allowPrivate: boolean; allowAddresses: string[]; timeoutMs: number };
  webhooks: { maxAttempts: number; retryBaseMs: number };
}

export class ConfigError extends Error {}

/** Reads and validates configuration from an environment; throws ConfigError naming every bad variable. */
/** `terminal`: whether a person is watching the output (decides LOG_FORMAT=auto). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  terminal = Boolean(process.stdout.isTTY),
): AppConfig {
  // An empty variable means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  const ownOrigins = [`http://127.0.0.1:${c.PORT}`, `http://localhost:${c.PORT}`];
  const appOrigins = c.APP_ORIGINS
    ? c.APP_ORIGINS.split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean)
    : c.NODE_ENV === 'production'
      ? []
      : ownOrigins;
  return {
    nodeEnv: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    sessionSecret: c.SESSION_SECRET,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    appOrigins,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    trustProxy: c.TRUST_PROXY,
    checkResponses: c.API_CHECK_RESPONSES ?? c.NODE_ENV === 'test',
    loginRateLimit: { max: c.LOGIN_RATE_LIMIT_MAX, windowMs: c.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000 },
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT === 'auto' ? (c.NODE_ENV === 'development' && terminal ? 'pretty' : 'json') : c.LOG_FORMAT,
    demoPassword: c.DEMO_PASSWORD,
    webDistDir: c.WEB_DIST_DIR,
    site: {
      baseUrl: (c.PUBLIC_BASE_URL ?? `http://127.0.0.1:${c.PORT}`).replace(/\/+$/, ''),
      publisherName: c.PUBLISHER_NAME,
      publisherUrl: c.PUBLISHER_URL ?? (c.PUBLIC_BASE_URL ?? `http://127.0.0.1:${c.PORT}`).replace(/\/+$/, ''),
      publisherLogoUrl: c.PUBLISHER_LOGO_URL ?? null,
      language: c.PUBLIC_LANGUAGE,
      feedPageSize: c.FEED_PAGE_SIZE,
    },
    documentMaxBytes: c.DOCUMENT_MAX_BYTES,
    extraction: {
      timeoutMs: Math.round(c.EXTRACTION_TIMEOUT_SECONDS * 1000),
      maxMemoryMb: c.EXTRACTION_MAX_MEMORY_MB,
      maxUnpackedBytes: Math.round(c.EXTRACTION_MAX_UNPACKED_MB * 1024 * 1024),
      maxPdfPages: c.EXTRACTION_MAX_PDF_PAGES,
      maxCharacters: c.EXTRACTION_MAX_CHARACTERS,
      maxHtmlDepth: c.EXTRACTION_MAX_HTML_DEPTH,
      maxHtmlElements: c.EXTRACTION_MAX_HTML_ELEMENTS,
    },
    worker: {
      fetchConcurrency: c.WORKER_FETCH_CONCURRENCY,
      detectConcurrency: c.WORKER_DETECT_CONCURRENCY,
      claimThreshold: c.CLAIM_THRESHOLD,
      sweepStaleMs: c.SWEEP_STALE_SECONDS * 1000,
      sweepIntervalMs: c.SWEEP_INTERVAL_SECONDS * 1000,
    },
    outbound: {
      allowPrivate: c.OUTBOUND_ALLOW_PRIVATE,
      allowAddresses: (c.OUTBOUND_ALLOW_ADDRESSES ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      timeoutMs: c.OUTBOUND_TIMEOUT_SECONDS * 1000,
    },
    webhooks: { maxAttempts: c.WEBHOOK_MAX_ATTEMPTS, retryBaseMs: Math.round(c.WEBHOOK_RETRY_BASE_SECONDS * 1000) },
  };
}

/** host:port of a service URL with any credentials left out, for messages people read. */
export function describeAddress(serviceUrl: string): string {
  try {
    const u = new URL(serviceUrl);
    const path = u.pathname && u.pathname !== '/' ? u.pathname : '';
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? '6379' : '5432')}${path}`;
  } catch {
    return '(unparseable URL)';
  }
}
