import { Worker } from 'node:worker_threads';
import type { DocumentHints, ExtractedDocument } from './extract.js';
import { ExtractionLimitError, overLimit, UnreadableDocumentError, type ExtractionLimits } from './limits.js';
import type { SandboxJob, SandboxMessage, SandboxResult, SandboxTask } from './sandbox-thread.js';
import { UnreadableSourceError, type SourceItem } from './sources.js';

/** Running from TypeScript sources (tests, tools): the thread needs a TypeScript loader too. */
const fromSources = import.meta.url.endsWith('.ts');
const THREAD = new URL(`./sandbox-thread.${fromSources ? 'ts' : 'js'}`, import.meta.url);
const TYPESCRIPT_HOOKS = new URL('../../../tools/typescript-hooks.mjs', import.meta.url);
const BOOT_FROM_SOURCES = `
  const { workerData } = require('node:worker_threads');
  require('node:module').register(workerData.hooks);
  import(workerData.thread);
`;

/** Threads kept for the next document once one is done (a new one loads the parsers first: ~100 ms)… */
const MAX_IDLE = 2;
/** …each for this many documents (so a heap grown on a large one is given back) and this long unused. */
const DOCUMENTS_PER_THREAD = 50;
const IDLE_MS = 60_000;
/** A thread that has not loaded its parsers by then will not: the machine, not a document, is at fault. */
const START_TIMEOUT_MS = 60_000;

interface SandboxThread {
  worker: Worker;
  maxMemoryMb: number;
  documents: number;
  /** Settles when the thread has loaded its code: rejected (a plain Error, worth retrying) if it never does. */
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}
const idle: SandboxThread[] = [];

function startThread(limits: ExtractionLimits): SandboxThread {
  const options = {
    // The stack stays at Node's default: deep recursion ends in a RangeError the thread reports, not a crash.
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, stackSizeMb: 4 },
    workerData: { hooks: TYPESCRIPT_HOOKS.href, thread: THREAD.href },
  };
  const worker = fromSources ? new Worker(BOOT_FROM_SOURCES, { ...options, eval: true }) : new Worker(THREAD, options);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`extraction could not start in ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`extraction could not start: ${why}`));
    };
    worker.on('message', (m: SandboxMessage) => {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    worker.once('error', (err) => fail(err.message)).once('exit', (code) => fail(`exit code ${code}`));
  });
  const thread: SandboxThread = { worker, maxMemoryMb: limits.maxMemoryMb, documents: 0, ready };
  // An idle thread that ends (it should not) leaves the pool; a document's job hears of it through its own listeners.
  worker.on('error', () => undefined).on('exit', () => idle.includes(thread) && idle.splice(idle.indexOf(thread), 1));
  // A thread waiting for work does not keep the process alive.
  worker.unref();
  return thread;
}

function takeThread(limits: ExtractionLimits): SandboxThread {
  const i = idle.findIndex((t) => t.maxMemoryMb === limits.maxMemoryMb);
  if (i < 0) return startThread(limits);
  const [thread] = idle.splice(i, 1);
  clearTimeout(thread.idleTimer);
  return thread;
}

function releaseThread(thread: SandboxThread): void {
  if (thread.documents >= DOCUMENTS_PER_THREAD || idle.length >= MAX_IDLE) {
    void thread.worker.terminate();
    return;
  }
  thread.idleTimer = setTimeout(() => {
    idle.splice(idle.indexOf(thread), 1);
    void thread.worker.terminate();
  }, IDLE_MS).unref();
  idle.push(thread);
}

/**
 * Text and metadata from a document's bytes, extracted in a sandbox: a worker thread with a heap cap, stopped at
 * the deadline (which starts once the thread has loaded its parsers). Whatever the document does there (a zip
 * bomb, a page-tree bomb, a page nested thousands deep, a parser that never returns, running out of memory), this
 * thread's event loop, heap and globals are untouched. Rejects with UnreadableDocumentError (an
 * ExtractionLimitError past a limit) for anything the document causes, which no retry can change; with a plain
 * Error only when the sandbox itself could not start.
 */
export function extractDocument(
  bytes: Buffer,
  hints: DocumentHints,
  limits: ExtractionLimits,
): Promise<ExtractedDocument> {
  // A copy of its own, moved (not copied again) to the thread.
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return inSandbox({ task: 'document', bytes: copy, hints }, limits, [copy.buffer]) as Promise<ExtractedDocument>;
}

/**
 * The items a monitored source's feed or listing page lists, read in the sandbox with the same limits (a
 * listing page's nesting and elements are checked first). Rejects with UnreadableSourceError or an
 * ExtractionLimitError, whose message is for the source's "last error".
 */
export function readSourceItems(
  kind: 'feed' | 'listing',
  body: string,
  url: string,
  limits: ExtractionLimits,
): Promise<SourceItem[]> {
  return inSandbox({ task: 'source', kind, body, url }, limits, []) as Promise<SourceItem[]>;
}

async function inSandbox(task: SandboxTask, limits: ExtractionLimits, transfer: ArrayBuffer[]): Promise<SandboxResult> {
  const unreadable = (message: string) =>
    task.task === 'document'
      ? new UnreadableDocumentError(`The document could not be read: ${message}`)
      : new UnreadableSourceError(`The source could not be read: ${message}`);
  const thread = takeThread(limits);
  thread.documents += 1;
  await thread.ready;
  const { worker } = thread;
  return new Promise<SandboxResult>((resolve, reject) => {
    let settled = false;
    const settle = (healthy: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (healthy) releaseThread(thread);
      else void worker.terminate();
      outcome();
    };
    const deadline = setTimeout(() => settle(false, () => reject(overLimit.timeoutMs(limits))), limits.timeoutMs);
    const onMessage = (m: SandboxMessage) => {
      if (m.type === 'done') settle(true, () => resolve(m.value));
      else if (m.type === 'failed') settle(true, () => reject(revive(m.error, unreadable)));
    };
    const onError = (err: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? overLimit.maxMemoryMb(limits)
            : unreadable(`extraction failed (${err.message}).`),
        ),
      );
    const onExit = (code: number) => settle(false, () => reject(unreadable(`extraction stopped (exit code ${code}).`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const job: SandboxJob = { ...task, limits };
    worker.postMessage(job, transfer);
  });
}

function revive(
  error: Extract<SandboxMessage, { type: 'failed' }>['error'],
  unreadable: (message: string) => Error,
): Error {
  if (error.limit) return new ExtractionLimitError(error.limit, error.message);
  if (error.name === 'UnreadableDocumentError') return new UnreadableDocumentError(error.message);
  if (error.name === 'UnreadableSourceError') return new UnreadableSourceError(error.message);
  // Whatever else the input made a parser throw (a stack overflow included), it would throw again.
  return unreadable(error.message);
}
