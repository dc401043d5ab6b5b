import {
  AuditEventEntity,
  ClaimEntity,
  FactCheckEntity,
  PublicationSchedulesRepository,
  VerdictsRepository,
} from '@factdesk/persistence';
import { publicationJobFor, type JobSpec } from '@factdesk/queue';
import { eventually } from '@factdesk/testing';
import { ScheduledPublications } from '../src/publishing/scheduled-publications.js';
import { startWorker, type WorkerHarness } from './harness.js';

let w: WorkerHarness;
// A second worker process's worth on the same database and Redis prefix: both take publication jobs.
let second: WorkerHarness;
let schedules: PublicationSchedulesRepository;
let editorId: string;

beforeAll(async () => {
  w = await startWorker();
  second = await startWorker({}, { environment: w.environment });
  schedules = new PublicationSchedulesRepository(w.db);
  editorId = (await w.data.user({ role: 'editor' })).id;
});
afterAll(async () => {
  await second?.close();
  await w?.close();
});

/** A claim with an approved, complete verdict, as the desk leaves it before publishing. */
async function approvedClaim(): Promise<string> {
  const [rating] = await w.data.ratings();
  const claim = await w.data.claim({ state: 'approved', speaker: 'Jane Minister' });
  const verdicts = new VerdictsRepository(w.db);
  await w.db.transaction(async (m) => {
    const verdict = verdicts.draft(claim.id, editorId);
    await verdicts.writeContent(m, verdict, {
      ratingId: rating.id,
      headline: `Not so: ${claim.text}`,
      conclusion: 'The official figures show a rise.',
      analysis: 'The statistics office reports a rise.',
      sources: [{ url: 'https://stats.example.org/labour', title: 'Labour statistics', kind: 'primary' }],
    });
    await verdicts.approve(m, verdict.id, editorId);
  });
  return claim.id;
}

/** Schedules as the API does (the row and its audit event in one transaction); the job is the caller's. */
function schedule(claimId: string, inMs: number) {
  return w.db.transaction(
    async (m) =>
      (await schedules.schedule(m, claimId, new Date(Date.now() + inMs), { actorId: editorId, requestId: 'test' }))!,
  );
}

const factChecks = (claimId: string) => w.db.getRepository(FactCheckEntity).findBy({ claimId });
const publishEvents = (claimId: string) =>
  w.db.getRepository(AuditEventEntity).countBy({ claimId, action: 'claim.publish' });
const published = (claimId: string) =>
  eventually(async () => (await factChecks(claimId)).length > 0, { timeout: 15_000, message: `${claimId} published` });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled publications in the worker', () => {
  it('a delayed job publishes once at its time, with two workers and a duplicate job of the same version', async () => {
    const claimId = await approvedClaim();
    const row = await schedule(claimId, 1500);
    const job = publicationJobFor(row);
    await w.jobs.add(job);
    await w.jobs.add(job); // the same id: not queued twice
    // A second job for the same version under another id (a copy from elsewhere): the other worker may take it.
    const copy: JobSpec<'publication'> = { ...job, options: { ...job.options, jobId: `copy-${job.options!.jobId}` } };
    await w.jobs.add(copy);
    expect(await factChecks(claimId)).toEqual([]);
    await published(claimId);
    await pause(1500);
    const [fc] = await factChecks(claimId);
    expect(fc.publishedAt.getTime()).toBeGreaterThanOrEqual(row.publishAt.getTime());
    expect(fc.publishedById).toBe(editorId);
    expect(await factChecks(claimId)).toHaveLength(1);
    expect(await publishEvents(claimId)).toBe(1);
    expect(await w.db.getRepository(ClaimEntity).findOneByOrFail({ id: claimId })).toMatchObject({
      state: 'published',
    });
    expect(await schedules.ofClaim(claimId)).toMatchObject({ state: 'published' });
  });

  it('after a reschedule the old version’s job publishes nothing; the new one publishes at the new time', async () => {
    const claimId = await approvedClaim();
    const first = await schedule(claimId, 500);
    await w.jobs.add(publicationJobFor(first));
    const moved = (await w.db.transaction((m) =>
      schedules.reschedule(m, claimId, new Date(Date.now() + 2500), { actorId: editorId, requestId: 'test' }),
    ))!.after;
    await w.jobs.add(publicationJobFor(moved));
    await pause(1500);
    // The first job has run by now, and found its version gone.
    expect(await factChecks(claimId)).toEqual([]);
    await published(claimId);
    const [fc] = await factChecks(claimId);
    expect(fc.publishedAt.getTime()).toBeGreaterThanOrEqual(moved.publishAt.getTime());
    expect(await publishEvents(claimId)).toBe(1);
  });

  it('a job that runs early waits for its time (postponed, not failed)', async () => {
    const claimId = await approvedClaim();
    const row = await schedule(claimId, 2000);
    const early = publicationJobFor(row);
    await w.jobs.add({ ...early, options: { ...early.options, delay: 0 } });
    await pause(800);
    expect(await factChecks(claimId)).toEqual([]);
    await published(claimId);
    expect((await factChecks(claimId))[0].publishedAt.getTime()).toBeGreaterThanOrEqual(row.publishAt.getTime());
  });

  it('a pending schedule whose job was lost is queued again by the sweep, and goes out at once when overdue', async () => {
    const claimId = await approvedClaim();
    await schedule(claimId, 200); // no job: Redis was away, or lost it
    await pause(400);
    expect(await w.app.get(ScheduledPublications).sweep()).toBeGreaterThanOrEqual(1);
    await published(claimId);
    // A second sweep finds nothing pending for it, and publishes nothing more.
    await w.app.get(ScheduledPublications).sweep();
    await pause(500);
    expect(await publishEvents(claimId)).toBe(1);
  });
});
