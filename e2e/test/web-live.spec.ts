import type { RatingDto, UserDto } from '@factdesk/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';
import { apiCall, screenshot, signIn } from '../support/web.js';

/* Live screens: what another person does reaches the screens showing it, without a reload. */
let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;
let reviewer: Awaited<ReturnType<typeof signIn>>;
let admin: Awaited<ReturnType<typeof signIn>>;
let rita: UserDto;
let ratingId: string;
/** Milliseconds from another person's answered request to the change on screen, per case. */
const toScreen: Record<string, number> = {};

const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
  apiCall<T>(page, stack.baseUrl, method, path, body);

async function assignedClaim(text: string): Promise<string> {
  const { id } = await call<{ id: string }>(editor.page, 'POST', '/claims', { text });
  await call(editor.page, 'PUT', `/claims/${id}/assignment`, { assigneeId: rita.id });
  return id;
}

/** Runs `change` as another person and times until `shown` resolves on the watcher's screen. */
async function timed(name: string, change: () => Promise<unknown>, shown: () => Promise<unknown>) {
  await change();
  const answered = Date.now();
  await shown();
  toScreen[name] = Date.now() - answered;
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
  reviewer = await signIn(browser, stack.baseUrl, 'reviewer');
  admin = await signIn(browser, stack.baseUrl, 'admin');
  rita = (await call<{ user: UserDto }>(reviewer.page, 'GET', '/me')).user;
  ratingId = (await call<RatingDto[]>(editor.page, 'GET', '/ratings'))[0]!.id;
}, 120_000);
afterAll(async () => {
  // The measurements this suite made, for docs/benchmarks.md (not assertions).
  console.log(`events to screen (ms): ${JSON.stringify(toScreen)}`);
  for (const who of [editor, reviewer, admin]) await who?.context.close();
  await browser?.close();
  await stack?.stop();
});

describe('the review queue, live', () => {
  it('shows a reviewer’s submission to the editor already on it, and its verdict', async () => {
    const claimId = await assignedClaim('Wheat exports rose by a fifth last year.');
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/review`);
    await page.getByRole('heading', { name: 'Review' }).first().waitFor();
    const item = page.getByTestId('review-item').filter({ hasText: 'Wheat exports rose by a fifth' });
    expect(await item.count()).toBe(0);

    await call(reviewer.page, 'POST', `/claims/${claimId}/start`);
    await call(reviewer.page, 'PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId,
      headline: 'A fifth, by tonnage',
      conclusion: 'Customs figures agree.',
      sources: [{ url: 'https://customs.example.org/2025', title: 'Customs statistics', kind: 'primary' }],
    });
    await timed(
      'review queue',
      () => call(reviewer.page, 'POST', `/claims/${claimId}/submit`, { version: 1 }),
      () => item.waitFor({ timeout: 10_000 }),
    );
    await item.click();
    await page.getByText('A fifth, by tonnage').waitFor();
    await screenshot(page, 'web-live-review-queue');
  }, 60_000);
});

describe('the claim page, live', () => {
  it('shows another person’s comment and the claim’s new state without a reload', async () => {
    const claimId = await assignedClaim('The bridge cost twice its budget.');
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/claims/${claimId}`);
    await page.getByText('The bridge cost twice its budget.').first().waitFor();
    await timed(
      'claim page comment',
      () => call(reviewer.page, 'POST', `/claims/${claimId}/comments`, { body: 'Found the audit office report.' }),
      () => page.getByText('Found the audit office report.').waitFor({ timeout: 10_000 }),
    );
    await timed(
      'claim page state',
      () => call(reviewer.page, 'POST', `/claims/${claimId}/start`),
      () => page.getByText('In progress').first().waitFor({ timeout: 10_000 }),
    );
    await screenshot(page, 'web-live-claim');
  }, 60_000);
});

describe('the inbox, live', () => {
  it('drops a claim another editor assigned from the editor’s list of accepted claims', async () => {
    const text = 'Rents doubled in the capital since 2015.';
    const { id } = await call<{ id: string }>(editor.page, 'POST', '/claims', { text });
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/claims?state=accepted&q=${encodeURIComponent('rents doubled capital')}`);
    const row = page.getByTestId('claim-row').filter({ hasText: text });
    await row.waitFor();
    await timed(
      'inbox',
      () => call(admin.page, 'PUT', `/claims/${id}/assignment`, { assigneeId: rita.id }),
      () => row.waitFor({ state: 'detached', timeout: 10_000 }),
    );
  }, 60_000);
});
