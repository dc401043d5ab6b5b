import { factCheckSlug, type AuditEventDto, type ClaimDetailDto } from '@factdesk/domain';
import { JobQueue, publicationJobId, QUEUE_NAMES } from '@factdesk/queue';
import { eventually } from '@factdesk/testing';
import type { Page } from 'playwright-core';
import { newsroom } from '../support/newsroom.js';
import { runBuilt, stopProc, type Proc } from '../support/stack.js';
import { screenshot, seriousA11yViolations } from '../support/web.js';

/* Scheduled publishing, in the browser and across the worker: a publication goes out once at its time, not at
   all when cancelled, and also when the worker was down over its time (the delayed job waits in Redis; a job
   lost from Redis is queued again by the sweep of the worker that starts). */
/** The worker now running (the stack's, until a test restarts it). */
let worker: Proc | null;
// Declared before the newsroom's (Jest runs afterAll hooks in order): a worker a test started stops first.
afterAll(async () => {
  if (worker !== desk.stack?.worker) await stopProc(worker);
});
const desk = newsroom({ worker: true });

const HEADLINE = (n: number) => `The port’s own figures say otherwise (${n})`;
let counter = 0;

/** A claim through review to approved, with an analysis and one source; its id and the slug it will publish at. */
async function approvedClaim(text: string): Promise<{ id: string; slug: string }> {
  counter += 1;
  const headline = HEADLINE(counter);
  const id = await desk.approvedClaim(text, {
    rating: 'false',
    headline,
    conclusion: 'Container traffic fell by 8 percent.',
    analysis: 'The port authority’s **annual report** counts 1.2 million containers, down from 1.3 million.',
    sources: [{ url: 'https://port.example.org/annual-2025', title: 'Annual report 2025', kind: 'primary' }],
  });
  return { id, slug: factCheckSlug(headline, id.replace(/-/g, '')) };
}

const claim = (id: string) => desk.call<ClaimDetailDto>(desk.editor.page, 'GET', `/claims/${id}`);
const publications = async (id: string) =>
  (await desk.call<AuditEventDto[]>(desk.editor.page, 'GET', `/claims/${id}/history`)).filter(
    (e) => e.action === 'claim.publish',
  ).length;
/** What a reader gets at the fact-check's address now. */
const publicStatus = async (slug: string) => (await fetch(`${desk.stack.baseUrl}/fact-checks/${slug}`)).status;

/** `datetime-local` text for `ms` from now, in the browser's own time zone (what a person types). */
const localIn = (page: Page, ms: number) =>
  page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

const workersUp = (n: number) =>
  eventually(async () => (await (await fetch(`${desk.stack.baseUrl}/api/health`)).json()).workers === n, {
    timeout: 30_000,
    message: `${n} worker(s) announced in /api/health`,
  });

beforeAll(async () => {
  worker = desk.stack.worker;
  await workersUp(1);
}, 60_000);

describe('a scheduled publication', () => {
  it('is scheduled from the confirmation, shown on the claim page, moved, and goes out once at its time', async () => {
    const { id, slug } = await approvedClaim('Traffic through the port grew every year.');
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${id}`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this fact-check?' });
    await dialog.getByRole('button', { name: 'Schedule…' }).click();
    const scheduling = page.getByRole('dialog', { name: 'Schedule this fact-check?' });
    const at = scheduling.getByLabel('Publish at');
    // First an hour ahead; then moved to a few seconds ahead from the claim page.
    await at.fill(await localIn(page, 3600_000));
    await page.frameLocator('[data-testid="publish-preview"]').getByText(HEADLINE(counter)).first().waitFor();
    await screenshot(page, 'web-schedule-confirm');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await scheduling.getByRole('button', { name: 'Schedule publication' }).click();
    await page.getByText(/^Scheduled: it goes out on /).waitFor();
    const banner = page.getByTestId('publication-schedule');
    await banner.getByText(/Scheduled for .+ by Eddie Editor/).waitFor();
    await screenshot(page, 'web-schedule-claim');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await claim(id)).publicationSchedule).toMatchObject({ version: 1, scheduledBy: { name: 'Eddie Editor' } });

    await banner.getByRole('button', { name: 'Reschedule…' }).click();
    const moving = page.getByRole('dialog', { name: 'Reschedule this publication' });
    await moving.getByLabel('Publish at').fill(await localIn(page, 8_000));
    await moving.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText(/^Rescheduled: it goes out on /).waitFor();
    const { publishAt, version } = (await claim(id)).publicationSchedule!;
    expect(version).toBe(2);
    expect(new Date(publishAt).getTime() - Date.now()).toBeGreaterThan(0);
    expect(await publicStatus(slug)).toBe(404);

    // At its time the page appears, and the claim page follows by itself (the live stream).
    const appeared = await eventually(async () => (await publicStatus(slug)) === 200 && Date.now(), {
      timeout: 30_000,
      interval: 200,
      message: 'the public page to appear',
    });
    expect(appeared).toBeGreaterThanOrEqual(new Date(publishAt).getTime());
    await page.getByRole('button', { name: 'Correct…' }).waitFor({ timeout: 15_000 });
    await banner.waitFor({ state: 'detached' });
    const published = await claim(id);
    expect(published.state).toBe('published');
    expect(new Date(published.factCheck!.publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(publishAt).getTime());
    await screenshot(page, 'web-schedule-published', true);
    const reader = await desk.browser.newPage();
    try {
      await reader.goto(`${desk.stack.baseUrl}/fact-checks/${slug}`);
      await reader.getByText(HEADLINE(counter)).first().waitFor();
      await screenshot(reader, 'web-schedule-public');
    } finally {
      await reader.close();
    }
    // Once: one publication, and still one a moment later (no second job, no second worker run).
    await new Promise((r) => setTimeout(r, 3000));
    expect(await publications(id)).toBe(1);
    expect((await claim(id)).factCheck!.currentVersion).toBe(1);
  }, 90_000);

  it('cancelled (asked first), never goes out, also well past its time', async () => {
    const { id, slug } = await approvedClaim('The port handles more ships than any in Europe.');
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${id}`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page
      .getByRole('dialog', { name: 'Publish this fact-check?' })
      .getByRole('button', { name: 'Schedule…' })
      .click();
    const scheduling = page.getByRole('dialog', { name: 'Schedule this fact-check?' });
    await scheduling.getByLabel('Publish at').fill(await localIn(page, 8_000));
    await scheduling.getByRole('button', { name: 'Schedule publication' }).click();
    const banner = page.getByTestId('publication-schedule');
    await banner.getByText(/Scheduled for .+ by Eddie Editor/).waitFor();
    const { publishAt } = (await claim(id)).publicationSchedule!;

    await banner.getByRole('button', { name: 'Cancel schedule…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel the scheduled publication?' });
    await confirm.getByText('Nothing is published; the claim stays approved').waitFor();
    await screenshot(page, 'web-schedule-cancel-confirm');
    await confirm.getByRole('button', { name: 'Cancel schedule' }).click();
    await page.getByText('Schedule cancelled: nothing will be published.').waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(new Date(publishAt).getTime()).toBeGreaterThan(Date.now());

    // Well past the time it had: nothing went out.
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(publishAt).getTime() - Date.now()) + 5000));
    expect(await publicStatus(slug)).toBe(404);
    const after = await claim(id);
    expect(after).toMatchObject({ state: 'approved', publicationSchedule: null, factCheck: null });
    expect(await publications(id)).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Publish…' }).waitFor();
    await screenshot(page, 'web-schedule-cancelled');
  }, 60_000);

  it('goes out once across a worker restart: the delayed job waits in Redis, a lost one is queued again on start', async () => {
    const kept = await approvedClaim('Exports through the port doubled in a decade.');
    const lost = await approvedClaim('The port employs more people than the city council.');
    const schedule = async (claimId: string) => {
      const publishAt = new Date(Date.now() + 6_000).toISOString();
      await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/schedule`, { publishAt });
      return publishAt;
    };
    const [keptAt, lostAt] = [await schedule(kept.id), await schedule(lost.id)];

    // The worker stops before their time…
    await stopProc(worker);
    // …and one job is lost from Redis meanwhile (as if Redis lost its data): only the table still has it.
    const jobs = new JobQueue({
      redisUrl: desk.stack.env.REDIS_URL,
      prefix: desk.stack.env.REDIS_PREFIX,
      connection: 'worker',
    });
    try {
      expect(await jobs.remove(QUEUE_NAMES.publication, publicationJobId(lost.id, 1))).toBe(true);
      expect(await jobs.getJob(QUEUE_NAMES.publication, publicationJobId(lost.id, 1))).toBeUndefined();
      expect(await (await jobs.getJob(QUEUE_NAMES.publication, publicationJobId(kept.id, 1)))?.getState()).toBe(
        'delayed',
      );
    } finally {
      await jobs.close();
    }
    await new Promise((r) =>
      setTimeout(r, Math.max(new Date(keptAt).getTime(), new Date(lostAt).getTime()) - Date.now() + 2000),
    );
    // Past their time with no worker: nothing out yet.
    expect(await publicStatus(kept.slug)).toBe(404);
    expect((await claim(kept.id)).state).toBe('approved');

    worker = runBuilt('apps/worker/dist/main.js', desk.stack.env);
    for (const c of [kept, lost])
      await eventually(async () => (await publicStatus(c.slug)) === 200, {
        timeout: 45_000,
        interval: 250,
        message: () => `the public page of ${c.slug} after the restart\n${worker!.output()}`,
      });
    await new Promise((r) => setTimeout(r, 3000));
    for (const c of [kept, lost]) {
      expect(await publications(c.id)).toBe(1);
      expect(await claim(c.id)).toMatchObject({ state: 'published', publicationSchedule: null });
    }
    await desk.editor.page.goto(`${desk.stack.baseUrl}/claims/${lost.id}`);
    await desk.editor.page.getByRole('button', { name: 'Correct…' }).waitFor();
    await screenshot(desk.editor.page, 'web-schedule-after-restart');
  }, 120_000);
});
