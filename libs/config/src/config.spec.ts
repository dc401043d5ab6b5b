import { ConfigError, DEVELOPMENT_SESSION_SECRET, describeAddress, loadConfig } from './config.js';

describe('configuration', () => {
  it('has local defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/factdesk',
      redisUrl: 'redis://127.0.0.1:6379',
      sessionSecret: DEVELOPMENT_SESSION_SECRET,
      cookieSecure: false,
    });
    expect(c.appOrigins).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
  });

  it('refuses the development secret, or a short one, in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET must be set to your own secret/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toThrow(
      /PUBLIC_BASE_URL must be set outside development/,
    );
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      APP_ORIGINS: 'https://desk.example.org/',
      PUBLIC_BASE_URL: 'https://factcheck.example.org',
    });
    expect(c.cookieSecure).toBe(true);
    expect(c.appOrigins).toEqual(['https://desk.example.org']);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_PREFIX: 'a b' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL must be a URL starting with postgres:/);
    expect(message).toMatch(/REDIS_PREFIX/);
  });

  it('has extraction limits that bound what one document may cost, and refuses ones that cannot work', () => {
    expect(loadConfig({}).extraction).toEqual({
      timeoutMs: 30_000,
      maxMemoryMb: 512,
      maxUnpackedBytes: 50 * 1024 * 1024,
      maxPdfPages: 2000,
      maxCharacters: 2_000_000,
      maxHtmlDepth: 500,
      maxHtmlElements: 100_000,
    });
    expect(
      loadConfig({ EXTRACTION_TIMEOUT_SECONDS: '2.5', EXTRACTION_MAX_UNPACKED_MB: '1.5' }).extraction,
    ).toMatchObject({
      timeoutMs: 2500,
      maxUnpackedBytes: 1572864,
    });
    expect(() =>
      loadConfig({ EXTRACTION_MAX_MEMORY_MB: '16', EXTRACTION_MAX_PDF_PAGES: '0', EXTRACTION_MAX_HTML_DEPTH: 'deep' }),
    ).toThrow(/EXTRACTION_MAX_MEMORY_MB.*EXTRACTION_MAX_PDF_PAGES.*EXTRACTION_MAX_HTML_DEPTH/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  it('describes service addresses without credentials', () => {
    expect(describeAddress('postgres://user:secret@db.internal:6543/factdesk')).toBe('db.internal:6543/factdesk');
    expect(describeAddress('redis://:pw@cache')).toBe('cache:6379');
  });
});

describe('log format', () => {
  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'https://f.example' };
  it.each([
    ['development on a terminal', {}, true, 'pretty'],
    ['development, output not a terminal (CI, pipes)', {}, false, 'json'],
    ['production on a terminal', production, true, 'json'],
    ['tests on a terminal', { NODE_ENV: 'test' }, true, 'json'],
    ['LOG_FORMAT=json on a terminal', { LOG_FORMAT: 'json' }, true, 'json'],
    ['LOG_FORMAT=pretty in production', { ...production, LOG_FORMAT: 'pretty' }, false, 'pretty'],
  ])('%s: %s', (_name, env, terminal, format) => {
    expect(loadConfig(env as Record<string, string>, terminal as boolean).logFormat).toBe(format);
  });

  it('refuses an unknown LOG_FORMAT', () => {
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
