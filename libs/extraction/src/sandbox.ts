import { fork, type ChildProcess } from 'node:child_process';
import type { DocumentHints, ExtractedDocument } from './extract.js';
import { ExtractionLimitError, overLimit, UnreadableDocumentError, type ExtractionLimits } from './limits.js';
import type { SandboxJob, SandboxMessage, SandboxResult, SandboxTask } from './sandbox-child.js';
import { UnreadableSourceError, type SourceItem } from './sources.js';

/*
 * Why a child process and not a worker thread: a thread's heap cap (resourceLimits) can still abort the whole
 * process when V8 reaches it mid-collection (nodejs/node#47224; it took a CI run's Jest worker down). A child's
 * out-of-memory abort ends that child only.
 */

/** Running from TypeScript sources (tests, tools): the child needs a TypeScript loader too. */
const fromSources = import.meta.url.endsWith('.ts');
const CHILD = new URL(`./sandbox-child.${fromSources ? 'ts' : 'js'}`, import.meta.url);
const TYPESCRIPT_LOADER = new URL('../../../tools/typescript-register.mjs', import.meta.url);

/** Children kept for the next document once one is done (a new one starts node and loads the parsers)… */
const MAX_IDLE = 2;
/** …each for this many documents (so a heap grown on a large one is given back) and this long unused. */
const DOCUMENTS_PER_CHILD = 50;
const IDLE_MS = 60_000;
/** A child that has not loaded its parsers by then will not: the machine, not a document, is at fault. */
const START_TIMEOUT_MS = 60_000;
/** The end of a child's stderr kept to tell an out-of-memory abort from other deaths. */
const STDERR_TAIL = 4096;

interface SandboxChild {
  child: ChildProcess;
  maxMemoryMb: number;
  documents: number;
  /** Settles when the child has loaded its code: rejected (a plain Error, worth retrying) if it never does. */
  ready: Promise<void>;
  stderr: string;
  idleTimer?: NodeJS.Timeout;
}
const idle: SandboxChild[] = [];

function startChild(limits: ExtractionLimits): SandboxChild {
  const { NODE_OPTIONS: _inherited, ...env } = process.env;
  const child = fork(CHILD, [], {
    // Only the heap cap (and the loader from sources): none of the parent's flags, inspector ports included.
    execArgv: [
      `--max-old-space-size=${limits.maxMemoryMb}`,
      ...(fromSources ? ['--import', TYPESCRIPT_LOADER.href] : []),
    ],
    env,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const sandbox: SandboxChild = {
    child,
    maxMemoryMb: limits.maxMemoryMb,
    documents: 0,
    ready: Promise.resolve(),
    stderr: '',
  };
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    sandbox.stderr = (sandbox.stderr + chunk).slice(-STDERR_TAIL);
  });
  sandbox.ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`extraction could not start in ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`extraction could not start: ${why}`));
    };
    child.on('message', (m: SandboxMessage) => {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    child
      .once('error', (err) => fail(err.message))
      .once('close', (code, signal) => fail(`${signal ?? `exit code ${code}`}: ${lastLine(sandbox.stderr)}`));
  });
  // An idle child that ends (it should not) leaves the pool; a document's job hears of it through its own listeners.
  child.on('error', () => undefined).on('exit', () => idle.includes(sandbox) && idle.splice(idle.indexOf(sandbox), 1));
  unref(sandbox);
  return sandbox;
}

/** A child waiting for work does not keep this process alive; one reading a document does (its deadline timer). */
function unref(sandbox: SandboxChild): void {
  sandbox.child.unref();
  sandbox.child.channel?.unref();
  (sandbox.child.stderr as { unref?: () => void } | null)?.unref?.();
}

function stop(sandbox: SandboxChild): void {
  sandbox.child.kill('SIGKILL');
}

const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** V8's message when a heap cap is reached (the child then aborts). */
const outOfMemory = (sandbox: SandboxChild) => /heap out of memory|Reached heap limit/.test(sandbox.stderr);

function takeChild(limits: ExtractionLimits): SandboxChild {
  const i = idle.findIndex((t) => t.maxMemoryMb === limits.maxMemoryMb);
  if (i < 0) return startChild(limits);
  const [sandbox] = idle.splice(i, 1);
  clearTimeout(sandbox.idleTimer);
  return sandbox;
}

function releaseChild(sandbox: SandboxChild): void {
  if (sandbox.documents >= DOCUMENTS_PER_CHILD || idle.length >= MAX_IDLE) {
    stop(sandbox);
    return;
  }
  sandbox.idleTimer = setTimeout(() => {
    idle.splice(idle.indexOf(sandbox), 1);
    stop(sandbox);
  }, IDLE_MS).unref();
  idle.push(sandbox);
}

/**
 * Text and metadata from a document's bytes, extracted in a sandbox: a child process with a heap cap, killed at
 * the deadline (which starts once the child has loaded its parsers). Whatever the document does there (a zip
 * bomb, a page-tree bomb, a page nested thousands deep, a parser that never returns, running out of memory), this
 * process's event loop, heap and globals are untouched. Rejects with UnreadableDocumentError (an
 * ExtractionLimitError past a limit) for anything the document causes, which no retry can change; with a plain
 * Error only when the sandbox itself could not start.
 */
export function extractDocument(
  bytes: Buffer,
  hints: DocumentHints,
  limits: ExtractionLimits,
): Promise<ExtractedDocument> {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return inSandbox({ task: 'document', bytes: view, hints }, limits) as Promise<ExtractedDocument>;
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
  return inSandbox({ task: 'source', kind, body, url }, limits) as Promise<SourceItem[]>;
}

async function inSandbox(task: SandboxTask, limits: ExtractionLimits): Promise<SandboxResult> {
  const unreadable = (message: string) =>
    task.task === 'document'
      ? new UnreadableDocumentError(`The document could not be read: ${message}`)
      : new UnreadableSourceError(`The source could not be read: ${message}`);
  const sandbox = takeChild(limits);
  sandbox.documents += 1;
  await sandbox.ready;
  const { child } = sandbox;
  return new Promise<SandboxResult>((resolve, reject) => {
    let settled = false;
    const settle = (healthy: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      child.off('message', onMessage).off('error', onError).off('close', onExit);
      if (healthy) releaseChild(sandbox);
      else stop(sandbox);
      outcome();
    };
    const deadline = setTimeout(() => settle(false, () => reject(overLimit.timeoutMs(limits))), limits.timeoutMs);
    const onMessage = (m: SandboxMessage) => {
      if (m.type === 'done') settle(true, () => resolve(m.value));
      else if (m.type === 'failed') settle(true, () => reject(revive(m.error, unreadable)));
    };
    const onError = (err: Error) => settle(false, () => reject(unreadable(`extraction failed (${err.message}).`)));
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      settle(false, () =>
        reject(
          outOfMemory(sandbox)
            ? overLimit.maxMemoryMb(limits)
            : unreadable(`extraction stopped (${signal ?? `exit code ${code}`}).`),
        ),
      );
    // 'close', not 'exit': by then the child's last words (an out-of-memory abort's) have been read.
    child.on('message', onMessage).on('error', onError).on('close', onExit);
    sandbox.stderr = '';
    const job: SandboxJob = { ...task, limits };
    child.send(job, (err) => err && onError(err));
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
