import { newsroom } from '../support/newsroom.js';
import { screenshot } from '../support/web.js';

/* Live screens: what another person does reaches the screens showing it, without a reload. */
const desk = newsroom({ admin: true });
/** Milliseconds from another person's answered request to the change on screen, per case. */
const toScreen: Record<string, number> = {};
// The measurements this suite made, for docs/benchmarks.md (not assertions).
afterAll(() => console.log(`events to screen (ms): ${JSON.stringify(toScreen)}`));

/** Runs `change` as another person and times until `shown` resolves on the watcher's screen. */
async function timed(name: string, change: () => Promise<unknown>, shown: () => Promise<unknown>) {
  await change();
  const answered = Date.now();
  await shown();
  toScreen[name] = Date.now() - answered;
}

describe('the review queue, live', () => {
  it('shows a reviewer’s submission to the editor already on it, and its verdict', async () => {
    const claimId = await desk.assignedClaim('Wheat exports rose by a fifth last year.');
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/review`);
    await page.getByRole('heading', { name: 'Review' }).first().waitFor();
    const item = page.getByTestId('review-item').filter({ hasText: 'Wheat exports rose by a fifth' });
    expect(await item.count()).toBe(0);

    await desk.call(desk.reviewer.page, 'POST', `/claims/${claimId}/start`);
    await desk.call(desk.reviewer.page, 'PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId: desk.rating(),
      headline: 'A fifth, by tonnage',
      conclusion: 'Customs figures agree.',
      sources: [{ url: 'https://customs.example.org/2025', title: 'Customs statistics', kind: 'primary' }],
    });
    await timed(
      'review queue',
      () => desk.call(desk.reviewer.page, 'POST', `/claims/${claimId}/submit`, { version: 1 }),
      () => item.waitFor({ timeout: 10_000 }),
    );
    await item.click();
    await page.getByText('A fifth, by tonnage').waitFor();
    await screenshot(page, 'web-live-review-queue');
  }, 60_000);
});

describe('the claim page, live', () => {
  it('shows another person’s comment and the claim’s new state without a reload', async () => {
    const claimId = await desk.assignedClaim('The bridge cost twice its budget.');
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    await page.getByText('The bridge cost twice its budget.').first().waitFor();
    await timed(
      'claim page comment',
      () =>
        desk.call(desk.reviewer.page, 'POST', `/claims/${claimId}/comments`, {
          body: 'Found the audit office report.',
        }),
      () => page.getByText('Found the audit office report.').waitFor({ timeout: 10_000 }),
    );
    await timed(
      'claim page state',
      () => desk.call(desk.reviewer.page, 'POST', `/claims/${claimId}/start`),
      () => page.getByText('In progress').first().waitFor({ timeout: 10_000 }),
    );
    await screenshot(page, 'web-live-claim');
  }, 60_000);
});

describe('the inbox, live', () => {
  it('drops a claim another editor assigned from the editor’s list of accepted claims', async () => {
    const text = 'Rents doubled in the capital since 2015.';
    const { id } = await desk.call<{ id: string }>(desk.editor.page, 'POST', '/claims', { text });
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims?state=accepted&q=${encodeURIComponent('rents doubled capital')}`);
    const row = page.getByTestId('claim-row').filter({ hasText: text });
    await row.waitFor();
    await timed(
      'inbox',
      () => desk.call(desk.admin.page, 'PUT', `/claims/${id}/assignment`, { assigneeId: desk.rita.id }),
      () => row.waitFor({ state: 'detached', timeout: 10_000 }),
    );
  }, 60_000);
});
