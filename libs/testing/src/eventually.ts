import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions<T> {
  /** How long to keep trying, in ms. A bound on waiting, not a timing assertion. */
  timeout?: number;
  /** Pause between tries, in ms. */
  interval?: number;
  /** What was awaited, for the error; given the last value when it is a function. */
  message?: string | ((last: T | undefined) => string);
}

/**
 * Calls `fn` until it neither throws nor returns `false` or `null`, and gives back what it returned:
 * an assertion (`() => expect(…)`), a predicate (`() => done`) or a lookup (`() => findOneBy(…)`) alike.
 * Tests wait on what another process does through this, never through sleeps.
 */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  { timeout = 15_000, interval = 50, message }: EventuallyOptions<T> = {},
): Promise<Exclude<T, false | null>> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await fn();
      error = undefined;
      if (last !== false && last !== null) return last as Exclude<T, false | null>;
    } catch (err) {
      error = err;
    }
    if (Date.now() >= deadline) break;
    await delay(interval);
  }
  const what = typeof message === 'function' ? message(last) : (message ?? 'condition');
  const why = error instanceof Error ? error.message : error !== undefined ? String(error) : JSON.stringify(last);
  throw new Error(`${what}: still not met after ${timeout} ms (last: ${why})`, { cause: error });
}
