import {
  claimLinkJobFor,
  claimLinkNextJobFor,
  deliveryJobFor,
  documentJobFor,
  documentJobId,
  documentStage,
  publicationJobFor,
  publicationJobId,
  sourcePollJobFor,
  sourcePollSchedule,
  sweepSchedule,
} from '@factdesk/queue';

const doc = { id: 'd1', contentHash: 'abcdef0123456789ffff', attempts: 2 };

describe('where a document starts: the fetch-or-detect routing', () => {
  it.each([
    // status, format, stage
    ['queued', 'text', 'detect'],
    ['queued', 'markdown', 'detect'],
    ['queued', 'url', 'fetch'],
    ['queued', 'pdf', 'fetch'],
    [undefined, 'text', 'detect'],
    [undefined, 'docx', 'fetch'],
    ['fetching', 'url', 'fetch'],
    ['fetching', 'text', 'fetch'],
    ['detecting', 'url', 'detect'],
    ['detecting', 'html', 'detect'],
  ])('%s %s → %s', (status, format, stage) => {
    expect(documentStage({ status, format })).toBe(stage);
    const job = documentJobFor({ ...doc, format, status });
    expect(job.queue).toBe(stage === 'fetch' ? 'document-fetch' : 'document-detect');
    expect(job.name).toBe(stage);
    expect(job.data).toEqual({ documentId: 'd1' });
  });
});

describe('job ids: the same work is never queued twice', () => {
  it('a document job is keyed by document, content and attempt', () => {
    expect(documentJobFor({ ...doc, format: 'text' }).options?.jobId).toBe('d1-abcdef0123456789-a2');
    expect(documentJobId('d1', doc.contentHash, 3)).not.toBe(documentJobId('d1', doc.contentHash, 2));
  });

  it('linking: one job per detection, one per chain position', () => {
    expect(claimLinkJobFor(doc)).toEqual({
      queue: 'claim-link',
      name: 'link',
      data: { documentId: 'd1' },
      options: { jobId: 'link-d1-abcdef0123456789-a2' },
    });
    expect(claimLinkNextJobFor('d1', 'chain-1', 'c9')).toEqual({
      queue: 'claim-link',
      name: 'link',
      data: { documentId: 'd1', after: 'c9', chain: 'chain-1' },
      options: { jobId: 'chain-1-after-c9' },
    });
  });

  it('a webhook delivery is keyed by its id and carries its retry policy', () => {
    expect(deliveryJobFor('w1', { maxAttempts: 7, retryBaseMs: 500 })).toEqual({
      queue: 'webhook-delivery',
      name: 'deliver',
      data: { deliveryId: 'w1' },
      options: { jobId: 'w1', attempts: 7, backoff: { type: 'exponential', delay: 500 } },
    });
  });

  it('a person’s "check now" is a manual poll', () => {
    expect(sourcePollJobFor('s1')).toEqual({
      queue: 'source-poll',
      name: 'poll',
      data: { sourceId: 's1', manual: true },
    });
  });
});

describe('schedules', () => {
  it('one per source at its interval, and one sweep', () => {
    expect(sourcePollSchedule({ id: 's1', pollIntervalMinutes: 15 })).toEqual({
      queue: 'source-poll',
      id: 'source-s1',
      everyMs: 15 * 60_000,
      job: { name: 'poll', data: { sourceId: 's1' } },
    });
    expect(sweepSchedule(60_000)).toMatchObject({ queue: 'maintenance', id: 'sweep', everyMs: 60_000 });
  });
});

describe('scheduled publications', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it.each([
    ['in a minute', new Date('2026-06-01T12:01:00Z'), 60_000],
    ['overdue (a lost job queued by the sweep)', new Date('2026-06-01T11:00:00Z'), 0],
  ])('a publication due %s waits until its time', (_label, publishAt, delay) => {
    const job = publicationJobFor({ claimId: 'c1', version: 3, publishAt }, now);
    expect(job).toEqual({
      queue: 'publication',
      name: 'publish',
      data: { claimId: 'c1', version: 3 },
      options: { jobId: 'publish-c1-v3', delay, removeOnComplete: true, removeOnFail: true },
    });
  });

  it('a reschedule (a new version) is a job of its own', () => {
    expect(publicationJobId('c1', 4)).not.toBe(publicationJobId('c1', 3));
  });
});
