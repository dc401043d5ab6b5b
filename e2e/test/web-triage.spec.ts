import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ClaimDetailDto,
  DocumentDto,
  DocumentSubmissionDto,
  Page as ApiPage,
  ClaimSummaryDto,
  UserDto,
} from '@factdesk/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { ROOT, startStack, type Stack } from '../support/stack.js';
import { apiCall, labelled, screenshot, signIn, waitForDocument } from '../support/web.js';

/* Keyboard triage in the inbox, a stale verdict save reapplied, and what a reviewer is not offered. */
let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;

/** The API as the signed-in page's user (its cookies; writes carry the app's origin like the app's fetches). */
const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
  apiCall<T>(page, stack.baseUrl, method, path, body);

const stateOf = async (id: string) => (await call<ClaimDetailDto>(editor.page, 'GET', `/claims/${id}`)).state;
const currentRowText = (page: Page) =>
  page.locator('[data-testid="claim-row"][aria-current="true"] .claim-link').textContent();

beforeAll(async () => {
  stack = await startStack({ worker: true });
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
  const text = readFileSync(join(ROOT, 'fixtures/lavrov-minsk-2022-06-30.txt'), 'utf8');
  const { document } = await call<DocumentSubmissionDto>(editor.page, 'POST', '/documents', {
    text,
    outlet: 'Russian Foreign Ministry',
  });
  await waitForDocument(() => call<DocumentDto>(editor.page, 'GET', `/documents/${document.id}`));
}, 120_000);
afterAll(async () => {
  await editor?.context.close();
  await browser?.close();
  await stack?.stop();
});

describe('the claims inbox from the keyboard', () => {
  it('shows the shortcuts on ?, moves with j/k, accepts with a, dismisses with d and a reason, selects with x', async () => {
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/claims`);
    await page.getByTestId('claim-row').first().waitFor();
    const ids = async () =>
      (await call<ApiPage<ClaimSummaryDto>>(page, 'GET', '/claims?state=detected&checkworthy=true&limit=10')).items;
    const before = await ids();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Dismiss with a reason');
    await screenshot(page, 'web-inbox-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // j moves down, k back up, j again: the second claim is current.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await currentRowText(page)).toBe(before[1]!.text);
    await page.keyboard.press('a');
    await page.getByText('Claim accepted.').waitFor();
    expect(await stateOf(before[1]!.id)).toBe('accepted');

    // The accepted claim leaves "To triage"; the cursor stays put, on the next claim.
    await page.getByTestId('claim-row').getByText(before[1]!.text).waitFor({ state: 'detached' });
    expect(await currentRowText(page)).toBe(before[2]!.text);
    await page.keyboard.press('d');
    await labelled(page, 'Reason').fill('Opinion, not a checkable fact');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Claim dismissed.').waitFor();
    expect(await stateOf(before[2]!.id)).toBe('dismissed');

    // x selects; a then accepts the whole selection at once (all or nothing).
    await page.getByTestId('claim-row').getByText(before[2]!.text).waitFor({ state: 'detached' });
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('2 selected').waitFor();
    await screenshot(page, 'web-inbox-bulk');
    await page.keyboard.press('a');
    await page.getByText('2 claims accepted.').waitFor();
    expect(await stateOf(before[0]!.id)).toBe('accepted');
    expect(await stateOf(before[3]!.id)).toBe('accepted');
  }, 60_000);
});

describe('a verdict saved by someone else meanwhile', () => {
  it('shows the newer version and reapplies the user’s own change onto it', async () => {
    const claims = (await call<ApiPage<ClaimSummaryDto>>(editor.page, 'GET', '/claims?state=accepted&limit=1')).items;
    const claimId = claims[0]!.id;
    const users = await call<{ user: UserDto }[]>(editor.page, 'GET', '/assignments/workload');
    const rita = users.find((w) => w.user.name === 'Rita Reviewer')!.user;
    await call(editor.page, 'PUT', `/claims/${claimId}/assignment`, { assigneeId: rita.id });

    const reviewer = await signIn(browser, stack.baseUrl, 'reviewer');
    const other = await reviewer.context.newPage();
    const url = `${stack.baseUrl}/claims/${claimId}`;
    const page = reviewer.page;
    await page.goto(url);
    await other.goto(url);
    // Both tabs edit at once: the first tab's edits are on screen before the other tab saves, so the live
    // refetch of version 1 keeps them (it only follows a tab without edits) and the first tab's save is refused.
    await page.getByLabel('Conclusion').fill('My conclusion, written in the first tab.');
    await other.getByLabel('Headline').fill('Headline from the other tab');
    await other.getByRole('button', { name: 'Save draft' }).click();
    await other.getByText(/^Version 1 · saved/).waitFor();

    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.getByTestId('verdict-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Headline from the other tab');
    await screenshot(page, 'web-claim-stale-save', true);
    await conflict.getByRole('button', { name: 'Reapply my changes to version 1' }).click();
    expect(await page.getByLabel('Headline').inputValue()).toBe('Headline from the other tab');
    expect(await page.getByLabel('Conclusion').inputValue()).toBe('My conclusion, written in the first tab.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/^Version 2 · saved/).waitFor();
    const verdict = (await call<ClaimDetailDto>(editor.page, 'GET', `/claims/${claimId}`)).verdict!;
    expect(verdict).toMatchObject({
      version: 2,
      headline: 'Headline from the other tab',
      conclusion: 'My conclusion, written in the first tab.',
    });

    // A reviewer is offered no editor screens and no publishing.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Claims',
      'Documents',
      'Public site',
      'Feed',
    ]);
    await page.goto(`${stack.baseUrl}/review`);
    await page.getByText('Not for your role').waitFor();
    expect(reviewer.errors).toEqual([]);
    await reviewer.context.close();
  }, 60_000);
});
