// `npm start`'s process supervisor: runs the API and the worker, restarts one that exits unexpectedly
// (with backoff, and a line that says why), and stops them all on Ctrl-C. A process that exits with an error
// within seconds of its first start (bad configuration, a service down) stops everything instead of looping:
// its own one-line reason is the last thing it printed. One killed by a signal is restarted, however young.
import { spawn } from 'node:child_process';

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const FIRST_START_GRACE_MS = 5_000;
const HEALTHY_AFTER_MS = 60_000; // a process that ran this long starts its backoff again from the first step
const STDERR_TAIL = 16_384;

/** Why a process ended, in words: out of memory, killed by a signal, or its exit code. */
export function describeExit(code, signal, stderrTail) {
  if (/heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/.test(stderrTail)) return 'out of memory';
  if (signal) return `killed by ${signal}`;
  return code === 0 ? 'exited without being asked to' : `exit code ${code}`;
}

/**
 * @param {{name: string, file: string}[]} specs
 * @param {{cwd: string, env: NodeJS.ProcessEnv, log: (line: string) => void, onFatal: (code: number) => void}} options
 */
export function supervise(specs, { cwd, env, log, onFatal }) {
  let stopping = false;
  const running = new Map();
  const established = new Set(); // names of processes that outlived their first start's grace period

  function start(spec, failures) {
    const startedAt = Date.now();
    // stdout stays the terminal's (readable logs when a person watches); stderr passes through us so the
    // reason for a crash (V8's out-of-memory report) can be named.
    const child = spawn(process.execPath, [spec.file], { cwd, env, stdio: ['ignore', 'inherit', 'pipe'] });
    let tail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk).slice(-STDERR_TAIL);
    });
    running.set(spec.name, child);
    child.on('exit', (code, signal) => {
      running.delete(spec.name);
      // A Ctrl-C reaches every process of the terminal at once: give our own handler the moment to see it.
      setTimeout(() => {
        if (stopping) return;
        const reason = describeExit(code, signal, tail);
        const ranFor = Date.now() - startedAt;
        // Killed by a signal (an OOM killer, a person) is never the process's own configuration: restart it.
        if (!established.has(spec.name) && !signal) {
          log(`${spec.name} could not start (${reason}); stopping`);
          stop().then(() => onFatal(code || 1));
          return;
        }
        const next = ranFor >= HEALTHY_AFTER_MS ? 1 : failures + 1;
        const delay = BACKOFF_MS[Math.min(next, BACKOFF_MS.length) - 1];
        log(`${spec.name} exited: ${reason}; restarting in ${Math.round(delay / 1000)} s`);
        setTimeout(() => stopping || start(spec, next), delay);
      }, 300);
    });
    setTimeout(() => running.get(spec.name) === child && established.add(spec.name), FIRST_START_GRACE_MS).unref();
    return child;
  }

  for (const spec of specs) start(spec, 0);

  /** SIGTERM to every running process; resolves once all have exited. */
  function stop() {
    stopping = true;
    const children = [...running.values()];
    for (const c of children) c.kill('SIGTERM');
    return Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
  }

  return { stop, pid: (name) => running.get(name)?.pid };
}
