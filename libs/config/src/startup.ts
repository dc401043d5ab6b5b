import { ConfigError, loadConfig, type AppConfig } from './config.js';

/** A dependency the process cannot run without, with what a person should do about it. */
export class UnreachableServiceError extends Error {
  constructor(
    readonly service: 'PostgreSQL' | 'Redis',
    readonly address: string,
    readonly reason: string,
    readonly remedy: string,
  ) {
    super(`cannot reach ${service} at ${address} (${reason}). ${remedy}`);
  }
}

export const REMEDIES = {
  postgres:
    'Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start; Docker: docker compose -f docker/compose.yml up -d postgres) or point DATABASE_URL at a running server.',
  redis:
    'Start it (redis-server --daemonize yes --bind 127.0.0.1 --port 6379; Docker: docker compose -f docker/compose.yml up -d redis) or point REDIS_URL at a running server.',
} as const;

/**
 * Loads configuration for a process, turning a bad configuration into one clear line and exit code 1,
 * so operators see what to fix instead of a stack trace.
 */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    exitWithReason(processName, err);
  }
}

/** Prints one line for a known start-up failure (configuration, unreachable service) and exits 1. */
export function exitWithReason(processName: string, err: unknown): never {
  const known = err instanceof ConfigError || err instanceof UnreachableServiceError;
  const message = known ? (err as Error).message : `failed to start: ${err instanceof Error ? err.stack : String(err)}`;
  process.stderr.write(`${processName}: ${message}\n`);
  process.exit(1);
}

/**
 * On SIGTERM or SIGINT: runs `close` (which lets in-flight requests and jobs finish), then exits 0.
 * Nest's own shutdown hooks re-raise the signal, so a clean stop would look like a crash (exit 143).
 */
export function exitCleanlyOnSignals(
  processName: string,
  log: (message: string) => void,
  close: () => Promise<void>,
): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal}: finishing in-flight work, then exiting`);
      close()
        .then(() => {
          log('stopped');
          process.exit(0);
        })
        .catch((err) => exitWithReason(processName, err));
    });
  }
}
