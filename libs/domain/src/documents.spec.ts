import {
  decideDocumentTransition,
  DOCUMENT_EVENTS,
  DOCUMENT_STATUSES,
  DOCUMENT_WORKING_STATES,
  type DocumentEvent,
  type DocumentStatus,
} from './documents.js';

/** The document lifecycle written out by hand: [event, from, to]. Everything else is refused. */
const LEGAL: [DocumentEvent, DocumentStatus, DocumentStatus][] = [
  ['fetch', 'queued', 'fetching'],
  ['fetch', 'fetching', 'fetching'], // a retried fetch job
  ['fetch', 'detecting', 'fetching'], // a fetch job retried after its text was stored but its detect job was not queued
  ['extracted', 'fetching', 'detecting'],
  ['detect', 'queued', 'detecting'], // text goes straight to detection
  ['detect', 'fetching', 'detecting'],
  ['detect', 'detecting', 'detecting'],
  ['detected', 'detecting', 'done'],
  ['fail', 'queued', 'failed'],
  ['fail', 'fetching', 'failed'],
  ['fail', 'detecting', 'failed'],
  ['retry', 'queued', 'queued'], // a stuck document
  ['retry', 'fetching', 'queued'],
  ['retry', 'detecting', 'queued'],
  ['retry', 'failed', 'queued'],
];

const cases = DOCUMENT_STATUSES.flatMap((status) => DOCUMENT_EVENTS.map((event) => [status, event] as const));

describe('document lifecycle: every status × event', () => {
  it('covers the whole space', () => {
    expect(cases).toHaveLength(5 * 6);
  });

  it.each(cases)('%s: %s', (status, event) => {
    const legal = LEGAL.find(([e, from]) => e === event && from === status);
    const decision = decideDocumentTransition(status, event);
    if (legal) expect(decision).toEqual({ ok: true, from: status, to: legal[2] });
    else {
      expect(decision).toMatchObject({ ok: false, status: 409 });
      expect((decision as { message: string }).message).toMatch(/^This document is .+, so it cannot be .+: .+\.$/);
    }
  });
});

describe('document lifecycle in words', () => {
  it('refuses to retry a document that is done', () => {
    expect(decideDocumentTransition('done', 'retry')).toEqual({
      ok: false,
      status: 409,
      message: 'This document is done (processed successfully), so it cannot be retried: there is nothing left to do.',
    });
  });

  it('names the working states, the ones the sweep re-enqueues', () => {
    expect(DOCUMENT_WORKING_STATES).toEqual(['queued', 'fetching', 'detecting']);
  });

  it('leaves done and failed alone whatever the pipeline does', () => {
    for (const status of ['done', 'failed'] as const)
      for (const event of ['fetch', 'extracted', 'detect', 'detected', 'fail'] as const)
        expect(decideDocumentTransition(status, event).ok).toBe(false);
  });
});
