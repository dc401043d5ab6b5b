import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DetectorJob, DetectorMessage } from './detector-thread.js';
import type { DetectionResult, DetectOptions } from './types.js';

/** Running from TypeScript sources (tests, tools): the threads need a TypeScript loader too. */
const fromSources = import.meta.url.endsWith('.ts');
const THREAD = new URL(`./detector-thread.${fromSources ? 'ts' : 'js'}`, import.meta.url);
const TYPESCRIPT_HOOKS = new URL('../../../tools/typescript-hooks.mjs', import.meta.url);
const BOOT_FROM_SOURCES = `
  const { workerData } = require('node:worker_threads');
  require('node:module').register(workerData.hooks);
  import(workerData.thread);
`;

interface Pending {
  job: DetectorJob;
  resolve: (result: DetectionResult) => void;
  reject: (err: Error) => void;
}
interface DetectorThread {
  worker: Worker;
  current: Pending | null;
}

/**
 * detectClaims on a small pool of worker threads, one document per thread at a time: a worker process detects
 * on as many cores as the pool has threads, and its event loop (job locks, heartbeats, webhook deliveries) stays
 * free meanwhile. The sentence encoder of a model with vectors runs on these threads too, never on the caller's
 * (the shipped model has none). Same results as detectClaims with the shipped model; threads start on first use
 * or on `warm()`, each loading the model (~1 s) and, for a model with vectors, the encoder (~2 s, 64–124 MB) once,
 * and a thread that dies is replaced (its document's detection rejects, to be retried).
 */
export class ClaimDetectorPool {
  private readonly threads: DetectorThread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size = availableParallelism()) {}

  detect(text: string, options: DetectOptions = {}): Promise<DetectionResult> {
    if (this.closed) return Promise.reject(new Error('the claim detector pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, text, options }, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every thread now, so that the first documents do not wait for the model and the encoder to load. */
  warm(): void {
    // An idle thread does not keep the process alive.
    while (!this.closed && this.threads.length < this.size) this.start().worker.unref();
  }

  /** Stops the threads; detections still queued or running reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the claim detector pool closed'));
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const thread = this.threads.find((t) => !t.current) ?? (this.threads.length < this.size ? this.start() : null);
      if (!thread) return;
      thread.current = this.queue.shift()!;
      thread.worker.ref();
      thread.worker.postMessage(thread.current.job);
    }
  }

  private start(): DetectorThread {
    const options = { workerData: { hooks: TYPESCRIPT_HOOKS.href, thread: THREAD.href } };
    const worker = fromSources
      ? new Worker(BOOT_FROM_SOURCES, { ...options, eval: true })
      : new Worker(THREAD, options);
    const thread: DetectorThread = { worker, current: null };
    worker.on('message', (message: DetectorMessage) => {
      const pending = thread.current;
      thread.current = null;
      // An idle thread does not keep the process alive.
      worker.unref();
      if (pending) {
        if ('result' in message) pending.resolve(message.result);
        else pending.reject(new Error(message.error));
      }
      this.dispatch();
    });
    const lost = (why: string) => {
      this.threads.splice(this.threads.indexOf(thread), 1);
      thread.current?.reject(new Error(`claim detection stopped: ${why}`));
      thread.current = null;
      if (!this.closed) this.dispatch();
    };
    worker.once('error', (err) => lost(err.message));
    worker.once('exit', (code) => this.threads.includes(thread) && lost(`exit code ${code}`));
    this.threads.push(thread);
    return thread;
  }
}
