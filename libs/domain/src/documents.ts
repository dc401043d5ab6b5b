export const DOCUMENT_STATUSES = ['queued', 'fetching', 'detecting', 'done', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'url'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** States in which a document waits for the pipeline: the sweep re-enqueues those that wait too long. */
export const DOCUMENT_WORKING_STATES = ['queued', 'fetching', 'detecting'] as const satisfies readonly DocumentStatus[];

/**
 * What happens to a document, as data:
 *
 *   queued → fetching → detecting → done
 *   (queued → detecting for text)    ↘ failed (after the last attempt, or at once for a permanent failure)
 *   a person's retry: any state but done → queued (a new attempt)
 *
 * Each pipeline step may run again (a retried job, a job that outlived its worker), so a step accepts the
 * states a step before it or a rerun of itself leaves; a step that finds the document done or failed does nothing.
 */
export const DOCUMENT_EVENTS = ['fetch', 'extracted', 'detect', 'detected', 'fail', 'retry'] as const;
export type DocumentEvent = (typeof DOCUMENT_EVENTS)[number];

export interface DocumentTransition {
  from: readonly DocumentStatus[];
  to: DocumentStatus;
  /** Words for a refusal: "… so it cannot be retried". */
  done: string;
}

export const DOCUMENT_TRANSITIONS: Record<DocumentEvent, DocumentTransition> = {
  fetch: { from: DOCUMENT_WORKING_STATES, to: 'fetching', done: 'fetched' },
  extracted: { from: ['fetching'], to: 'detecting', done: 'passed to detection' },
  detect: { from: DOCUMENT_WORKING_STATES, to: 'detecting', done: 'searched for claims' },
  detected: { from: ['detecting'], to: 'done', done: 'finished' },
  fail: { from: DOCUMENT_WORKING_STATES, to: 'failed', done: 'marked failed' },
  retry: { from: [...DOCUMENT_WORKING_STATES, 'failed'], to: 'queued', done: 'retried' },
};

const STATUS_WORDS: Record<DocumentStatus, string> = {
  queued: 'queued',
  fetching: 'being fetched',
  detecting: 'being searched for claims',
  done: 'done (processed successfully)',
  failed: 'failed',
};

export type DocumentTransitionDecision =
  { ok: true; from: DocumentStatus; to: DocumentStatus } | { ok: false; status: 409; message: string };

/** Whether `event` may happen to a document in `status` now, and the status it leaves. Pure. */
export function decideDocumentTransition(status: DocumentStatus, event: DocumentEvent): DocumentTransitionDecision {
  const rule = DOCUMENT_TRANSITIONS[event];
  if (!rule.from.includes(status)) {
    const why =
      status === 'done' ? 'there is nothing left to do' : `that needs a document that is ${wordsFor(rule.from)}`;
    return {
      ok: false,
      status: 409,
      message: `This document is ${STATUS_WORDS[status]}, so it cannot be ${rule.done}: ${why}.`,
    };
  }
  return { ok: true, from: status, to: rule.to };
}

const wordsFor = (states: readonly DocumentStatus[]) => states.map((s) => STATUS_WORDS[s]).join(' or ');
