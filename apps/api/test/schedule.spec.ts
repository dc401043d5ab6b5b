import {
  AuditEventEntity,
  ClaimPublisher,
  FactCheckEntity,
  PublicationScheduleEntity,
  UserEntity,
} from '@factdesk/persistence';
import { JobQueue, publicationJobId, QUEUE_NAMES } from '@factdesk/queue';
import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

let h: Harness;
let desk: Newsroom;
let jobs: JobQueue;
let publisher: ClaimPublisher;

beforeAll(async () => {
  h = await startHarness();
  desk = await newsroom(h);
  jobs = h.app.get(JobQueue);
  publisher = h.app.get(ClaimPublisher);
});
afterAll(() => h.close());

const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const url = (claimId: string) => `/api/claims/${claimId}/schedule`;

function schedule(claimId: string, publishAt: unknown, cookie = desk.editor.cookie) {
  return h.request({ method: 'POST', url: url(claimId), cookie, body: { publishAt } });
}
function reschedule(claimId: string, publishAt: unknown, cookie = desk.editor.cookie) {
  return h.request({ method: 'PUT', url: url(claimId), cookie, body: { publishAt } });
}
function cancel(claimId: string, cookie = desk.editor.cookie) {
  return h.request({ method: 'DELETE', url: url(claimId), cookie });
}
const detail = async (claimId: string, cookie = desk.reviewer.cookie) =>
  (await h.request({ url: `/api/claims/${claimId}`, cookie })).json();
const row = (claimId: string) => h.db.getRepository(PublicationScheduleEntity).findOneBy({ claimId });
const events = (claimId: string, action: string) =>
  h.db
    .getRepository(AuditEventEntity)
    .find({ where: { claimId, action: action as never }, order: { createdAt: 'ASC' } });
const factChecks = (claimId: string) => h.db.getRepository(FactCheckEntity).findBy({ claimId });
/** Time passes: the pending schedule's time is a moment ago (what the delayed job waits for). */
const due = (claimId: string) =>
  h.db.query(`UPDATE publication_schedules SET publish_at = now() - interval '1 second' WHERE claim_id = $1`, [
    claimId,
  ]);
const delayedJob = (claimId: string, version: number) =>
  jobs.getJob(QUEUE_NAMES.publication, publicationJobId(claimId, version));

describe('scheduling a publication', () => {
  it('stores who scheduled it and when, with its audit event, queues the delayed job, and the claim shows it', async () => {
    const claimId = await desk.approve();
    const at = inMinutes(30);
    const res = await schedule(claimId, at);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const editor = await h.db.getRepository(UserEntity).findOneByOrFail({ id: body.scheduledBy.id });
    expect(body).toEqual({
      claimId,
      publishAt: at,
      version: 1,
      scheduledBy: { id: editor.id, name: editor.name },
      scheduledAt: expect.any(String),
    });
    expect((await detail(claimId)).publicationSchedule).toEqual(body);
    const [event] = await events(claimId, 'publication.schedule');
    expect(event).toMatchObject({ actorId: editor.id, after: { publishAt: at, version: 1 } });
    const job = await delayedJob(claimId, 1);
    expect(job?.data).toEqual({ claimId, version: 1 });
    expect(await job?.getState()).toBe('delayed');
    expect(job!.opts.delay).toBeGreaterThan(29 * 60_000);
    // The history names it in words the web app shows.
    expect((await detail(claimId)).history.map((e: { action: string }) => e.action)).toContain('publication.schedule');
  });

  it('is for editors and admins; a reviewer gets 403 and nothing changes', async () => {
    const admin = await h.signIn('admin');
    const claimId = await desk.approve();
    expect((await schedule(claimId, inMinutes(5), desk.reviewer.cookie)).statusCode).toBe(403);
    expect(await row(claimId)).toBeNull();
    expect((await schedule(claimId, inMinutes(5), admin.cookie)).statusCode).toBe(201);
    expect((await reschedule(claimId, inMinutes(6), desk.reviewer.cookie)).statusCode).toBe(403);
    expect((await cancel(claimId, desk.reviewer.cookie)).statusCode).toBe(403);
    expect(await row(claimId)).toMatchObject({ state: 'pending', version: 1 });
    expect((await reschedule(claimId, inMinutes(7), admin.cookie)).statusCode).toBe(200);
    expect((await cancel(claimId, admin.cookie)).statusCode).toBe(204);
    expect((await h.request({ method: 'POST', url: url(claimId), body: { publishAt: inMinutes(5) } })).statusCode).toBe(
      401,
    );
  });

  it('refuses times in the past or over a year ahead, and what is not a date-time, with the field named (400)', async () => {
    const claimId = await desk.approve();
    const cases: [unknown, RegExp][] = [
      [new Date(Date.now() - 60_000).toISOString(), /must be in the future/],
      [new Date(Date.now() + 366 * 24 * 3600_000).toISOString(), /within 365 days/],
      ['tomorrow', /publishAt/],
      ['2030-01-01T10:00:00', /publishAt/],
      [undefined, /publishAt/],
    ];
    for (const [publishAt, message] of cases) {
      const res = await schedule(claimId, publishAt);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(message);
      expect(res.json().fields).toEqual([expect.objectContaining({ field: 'publishAt' })]);
    }
    expect(await row(claimId)).toBeNull();
    expect(await events(claimId, 'publication.schedule')).toEqual([]);
  });

  it('needs a publishable claim: 409 before approval, once published, or when one is pending; 404 for no claim', async () => {
    const { id: detected } = await h.data.claim({ text: 'Not checked yet.' });
    let res = await schedule(detected, inMinutes(5));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      'This claim is newly detected, so its publication cannot be scheduled: that needs a claim that is approved.',
    );
    const { claimId: published } = await desk.publish();
    expect((await schedule(published, inMinutes(5))).json()).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/^This claim is published, so its publication cannot be scheduled/),
    });
    const claimId = await desk.approve();
    expect((await schedule(claimId, inMinutes(5))).statusCode).toBe(201);
    res = await schedule(claimId, inMinutes(10));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      'This claim is already scheduled for publication: reschedule or cancel that instead.',
    );
    expect((await schedule('00000000-0000-4000-8000-000000000000', inMinutes(5))).statusCode).toBe(404);
    expect((await reschedule(published, inMinutes(5))).json()).toMatchObject({
      statusCode: 404,
      message: 'This claim has no scheduled publication to move.',
    });
    expect((await cancel(published)).json()).toMatchObject({
      statusCode: 404,
      message: 'This claim has no scheduled publication to cancel.',
    });
  });

  it('reschedules to a new version (a job of its own; the old job leaves Redis), with before and after audited', async () => {
    const claimId = await desk.approve();
    const first = inMinutes(20);
    await schedule(claimId, first);
    const later = inMinutes(90);
    const res = await reschedule(claimId, later);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ publishAt: later, version: 2 });
    expect((await detail(claimId)).publicationSchedule).toMatchObject({ publishAt: later, version: 2 });
    expect(await delayedJob(claimId, 1)).toBeUndefined();
    expect(await (await delayedJob(claimId, 2))?.getState()).toBe('delayed');
    const [event] = await events(claimId, 'publication.reschedule');
    expect(event).toMatchObject({ before: { publishAt: first, version: 1 }, after: { publishAt: later, version: 2 } });
    expect((await reschedule(claimId, 'soon')).statusCode).toBe(400);
    expect((await reschedule(claimId, new Date(Date.now() - 1000).toISOString())).statusCode).toBe(400);
    expect((await row(claimId))?.version).toBe(2);
  });

  it('cancels: 204, the claim shows none, the job is gone, audited; a new schedule after it is the next version', async () => {
    const claimId = await desk.approve();
    await schedule(claimId, inMinutes(15));
    expect((await cancel(claimId)).statusCode).toBe(204);
    expect((await detail(claimId)).publicationSchedule).toBeNull();
    expect(await delayedJob(claimId, 1)).toBeUndefined();
    expect(await row(claimId)).toMatchObject({ state: 'cancelled', endedAt: expect.any(Date) });
    expect(await events(claimId, 'publication.cancel')).toHaveLength(1);
    expect((await detail(claimId)).state).toBe('approved');
    expect((await schedule(claimId, inMinutes(15))).json().version).toBe(2);
  });

  it('is cleared by publishing by hand, and by sending the claim back, in the same transaction', async () => {
    const claimId = await desk.approve();
    await schedule(claimId, inMinutes(15));
    const published = await h.request({
      method: 'POST',
      url: `/api/claims/${claimId}/publish`,
      cookie: desk.editor.cookie,
    });
    expect(published.statusCode).toBe(200);
    expect((await detail(claimId)).publicationSchedule).toBeNull();
    expect(await row(claimId)).toMatchObject({ state: 'cleared' });
    expect(await events(claimId, 'publication.clear')).toEqual([
      expect.objectContaining({ after: { state: 'cleared', reason: 'claim.publish' } }),
    ]);
    // Its job, should it still run, publishes nothing more.
    await due(claimId);
    expect(await publisher.publishScheduled(claimId, 1)).toEqual({ kind: 'stale' });
    expect(await factChecks(claimId)).toHaveLength(1);

    const sentBack = await desk.approve();
    await schedule(sentBack, inMinutes(15));
    const res = await h.request({
      method: 'POST',
      url: `/api/claims/${sentBack}/request-changes`,
      cookie: desk.editor.cookie,
      body: { comment: 'One more source, please.' },
    });
    expect(res.statusCode).toBe(200);
    expect(await row(sentBack)).toMatchObject({ state: 'cleared' });
    expect((await detail(sentBack)).publicationSchedule).toBeNull();
  });
});

describe('firing: exactly once', () => {
  it('publishes at its time in the scheduler’s name, through the publish step (claim published, audited)', async () => {
    const claimId = await desk.approve();
    const { version, scheduledBy } = (await schedule(claimId, inMinutes(1))).json();
    expect(await publisher.publishScheduled(claimId, version)).toMatchObject({ kind: 'early' });
    expect(await factChecks(claimId)).toEqual([]);
    await due(claimId);
    expect(await publisher.publishScheduled(claimId, version)).toMatchObject({ kind: 'published' });
    const [fc] = await factChecks(claimId);
    expect(fc).toMatchObject({ state: 'published', publishedById: scheduledBy.id });
    const claim = await detail(claimId);
    expect(claim.state).toBe('published');
    expect(claim.publicationSchedule).toBeNull();
    expect(await events(claimId, 'claim.publish')).toEqual([
      expect.objectContaining({ actorId: scheduledBy.id, requestId: `schedule-${claimId}-v${version}` }),
    ]);
    expect((await h.request({ url: `/fact-checks/${fc.slug}` })).statusCode).toBe(200);
    expect(await row(claimId)).toMatchObject({ state: 'published' });
  });

  it('two concurrent firings (two workers, or a duplicate job) publish once', async () => {
    for (let round = 0; round < 3; round++) {
      const claimId = await desk.approve();
      await schedule(claimId, inMinutes(1));
      await due(claimId);
      const outcomes = await Promise.all([
        publisher.publishScheduled(claimId, 1),
        publisher.publishScheduled(claimId, 1),
        publisher.publishScheduled(claimId, 1),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['published', 'stale', 'stale']);
      expect(await factChecks(claimId)).toHaveLength(1);
      expect(await events(claimId, 'fact_check.publish')).toHaveLength(1);
      expect(await events(claimId, 'claim.publish')).toHaveLength(1);
    }
  });

  it('a stale job after a reschedule does nothing; the new version’s job publishes', async () => {
    const claimId = await desk.approve();
    await schedule(claimId, inMinutes(1));
    await reschedule(claimId, inMinutes(2));
    await due(claimId);
    expect(await publisher.publishScheduled(claimId, 1)).toEqual({ kind: 'stale' });
    expect(await factChecks(claimId)).toEqual([]);
    expect((await detail(claimId)).state).toBe('approved');
    expect(await publisher.publishScheduled(claimId, 2)).toMatchObject({ kind: 'published' });
    expect(await factChecks(claimId)).toHaveLength(1);
  });

  it('a cancelled schedule never publishes, even when its job runs after its time', async () => {
    const claimId = await desk.approve();
    await schedule(claimId, inMinutes(1));
    await cancel(claimId);
    await due(claimId);
    expect(await publisher.publishScheduled(claimId, 1)).toEqual({ kind: 'stale' });
    expect(await factChecks(claimId)).toEqual([]);
    expect(await detail(claimId)).toMatchObject({ state: 'approved', publicationSchedule: null });
    expect(await events(claimId, 'claim.publish')).toEqual([]);
  });

  it('a schedule whose editor was deactivated fails with the reason, publishes nothing, and is no longer pending', async () => {
    const scheduler = await h.signIn('editor');
    const claimId = await desk.approve();
    await schedule(claimId, inMinutes(1), scheduler.cookie);
    await h.db.getRepository(UserEntity).update({ id: scheduler.user.id }, { active: false });
    await due(claimId);
    expect(await publisher.publishScheduled(claimId, 1)).toEqual({
      kind: 'refused',
      message: 'The person who scheduled this publication is no longer active.',
    });
    expect(await factChecks(claimId)).toEqual([]);
    expect(await row(claimId)).toMatchObject({ state: 'failed', error: expect.stringMatching(/no longer active/) });
    expect(await events(claimId, 'publication.fail')).toHaveLength(1);
    expect(await detail(claimId)).toMatchObject({ state: 'approved', publicationSchedule: null });
    expect(await publisher.publishScheduled(claimId, 1)).toEqual({ kind: 'stale' });
  });
});
