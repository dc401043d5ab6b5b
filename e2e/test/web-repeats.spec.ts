import type {
  ClaimDetailDto,
  ClaimSummaryDto,
  DocumentDto,
  DocumentSubmissionDto,
  Page as ApiPage,
} from '@factdesk/domain';
import type { Browser } from 'playwright-core';
import { eventually } from '@factdesk/testing';
import { launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';
import { apiCall, screenshot, signIn, waitForDocument } from '../support/web.js';

/*
 * Repeated claims in the browser (issue 19): a transcript pasted again with other line breaks adds nothing to
 * triage; the claim page shows the cluster (every appearance); an editor splits a claim ("Not the same claim")
 * and joins it again from the matcher's proposal ("Same claim"); a published claim said again raises a repeat
 * alert (the bell, and Today's Repeated section with the earlier rating).
 */
const DEBATE = `MUIR: Welcome to the debate in Manchester.
KASICH: Ohio balanced its budget and cut taxes by 5 billion dollars. Our unemployment rate fell to 4.7 percent.
RUBIO: We have 20 trillion dollars of debt, and the deficit doubled in eight years.
MUIR: Thank you, Senator.
KASICH: We created 400,000 private sector jobs in Ohio since 2011.`;

let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;
let reviewer: Awaited<ReturnType<typeof signIn>>;
const api = <T>(method: string, path: string, body?: unknown) =>
  apiCall<T>(editor.page, stack.baseUrl, method, path, body);

async function paste(text: string, title: string): Promise<string> {
  const { document } = await api<DocumentSubmissionDto>('POST', '/documents', { text, title });
  await waitForDocument(() => api<DocumentDto>('GET', `/documents/${document.id}`));
  return document.id;
}
const claimsOf = async (documentId: string) =>
  (await api<ApiPage<ClaimSummaryDto>>('GET', `/claims?documentId=${documentId}&limit=100`)).items;

let first = '';
let again = '';
beforeAll(async () => {
  stack = await startStack({ worker: true });
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
  reviewer = await signIn(browser, stack.baseUrl, 'reviewer');
  first = await paste(DEBATE, 'Manchester debate');
  again = await paste(DEBATE.replace(/\n/g, '\n\n'), 'Manchester debate, pasted again');
}, 180_000);
afterAll(async () => {
  await editor?.context.close();
  await reviewer?.context.close();
  await browser?.close();
  await stack?.stop();
});

describe('a transcript pasted twice', () => {
  it('adds no claim to triage the second time: each joins the cluster of the same claim', async () => {
    const [originals, copies] = [await claimsOf(first), await claimsOf(again)];
    expect(originals.length).toBeGreaterThanOrEqual(3);
    expect(copies.map((c) => c.state)).toEqual(originals.map(() => 'duplicate'));
    const triage = await api<ApiPage<ClaimSummaryDto>>('GET', '/claims?state=detected&limit=100');
    expect(triage.items.filter((c) => copies.some((d) => d.id === c.id))).toEqual([]);
  });

  it('the claim page lists both appearances; Not the same claim splits it, Same claim joins it again', async () => {
    const page = editor.page;
    const copy = (await claimsOf(again)).find((c) => c.text.includes('20 trillion'))!;
    await page.goto(`${stack.baseUrl}/claims/${copy.id}`);
    const cluster = page.getByTestId('appearances');
    await cluster.waitFor();
    expect(await page.getByText('Said 2 times').isVisible()).toBe(true);
    expect(await page.getByTestId('duplicate-of').innerText()).toMatch(/Checked through its first appearance/);
    expect(await cluster.innerText()).toMatch(/RUBIO|Rubio/);
    expect(await cluster.innerText()).toMatch(/Manchester debate, pasted again/);
    await screenshot(page, 'repeats-cluster');

    await cluster.getByRole('button', { name: 'Not the same claim' }).click();
    await page.getByText('Split: back in triage as its own claim.').waitFor();
    await eventually(async () => (await api<ClaimDetailDto>('GET', `/claims/${copy.id}`)).state === 'detected', {
      message: 'the split claim back in triage',
    });
    await page.getByText('Said 2 times').waitFor({ state: 'detached' });

    // The matcher links the split claim to its twin in the other document: the proposal an editor confirms.
    await eventually(async () => (await api<ClaimDetailDto>('GET', `/claims/${copy.id}`)).similar.length > 0, {
      timeout: 30_000,
      message: 'the matcher to link the twin',
    });
    await page.reload();
    await page.getByRole('button', { name: 'Same claim' }).first().click();
    await page.getByText('Marked as the same claim: checked once.').waitFor();
    await page.getByText('Said 2 times').waitFor();
    expect((await api<ClaimDetailDto>('GET', `/claims/${copy.id}`)).state).toBe('duplicate');
    await screenshot(page, 'repeats-joined');
  });
});

/** A claim carried through review to publication, rated `rating`, by the demo editor and reviewer. */
async function published(text: string, speakerName: string, rating: string): Promise<{ id: string; slug: string }> {
  const rev = <T>(method: string, path: string, body?: unknown) =>
    apiCall<T>(reviewer.page, stack.baseUrl, method, path, body);
  const me = await rev<{ user: { id: string } }>('GET', '/me');
  const ratings = await api<{ id: string; slug: string }[]>('GET', '/ratings');
  const claim = await api<{ id: string }>('POST', '/claims', { text, speakerName });
  await api('PUT', `/claims/${claim.id}/assignment`, { assigneeId: me.user.id });
  await rev('PUT', `/claims/${claim.id}/verdict`, {
    version: 0,
    ratingId: ratings.find((r) => r.slug === rating)!.id,
    headline: 'Ohio wages did not grow that fast',
    conclusion: 'Wages grew by about half that.',
    analysis: 'The state statistics office reports the figures every quarter.',
    sources: [
      { url: 'https://stats.example.org/wages', title: 'Wages', publisher: 'Statistics Office', kind: 'primary' },
    ],
  });
  await rev('POST', `/claims/${claim.id}/submit`);
  await api('POST', `/claims/${claim.id}/approve`);
  const { slug } = await api<{ slug: string }>('POST', `/claims/${claim.id}/publish`);
  return { id: claim.id, slug };
}

describe('a checked claim said again', () => {
  const said = 'Wages in Ohio grew by 12 percent since 2015, faster than in any other state.';
  let checked: { id: string; slug: string };
  beforeAll(async () => {
    checked = await published(said, 'John Kasich', 'false');
  }, 60_000);

  it('raises a repeat alert: the bell says so with the earlier rating, Today lists it under Repeated', async () => {
    const page = editor.page;
    const later = await paste(
      `KASICH: Thank you. ${said} And we will do it again.\nMUIR: Thank you, Governor.`,
      'Cleveland town hall',
    );
    const repeat = (await claimsOf(later)).find((c) => c.text.includes('Wages in Ohio'));
    expect(repeat).toBeDefined();
    await eventually(async () => (await api<ClaimDetailDto>('GET', `/claims/${repeat!.id}`)).state === 'duplicate', {
      timeout: 30_000,
      message: 'the repeat to join the checked claim',
    });

    await page.goto(`${stack.baseUrl}/today`);
    const section = page.locator('section[aria-labelledby="repeated"]');
    await section.waitFor();
    expect(await section.getByRole('heading').innerText()).toBe('Repeated (1)');
    const row = section.getByTestId('today-repeat');
    expect(await row.innerText()).toMatch(/Wages in Ohio grew by 12 percent/);
    expect(await row.innerText()).toMatch(/joined the checked claim/);
    const rating = row.getByRole('link', { name: 'Rated False' });
    expect(await rating.getAttribute('href')).toContain(checked.slug);
    await screenshot(page, 'repeats-today');

    await page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
    const alert = page.getByText(
      /^Repeated: “Wages in Ohio grew by 12 percent.+” repeats a claim already checked \(rated False\)\.$/,
    );
    await alert.waitFor();
    await screenshot(page, 'repeats-alert');
    await alert.click();
    await page.waitForURL(`**/claims/${repeat!.id}`);
    await page.getByText('Said 2 times').waitFor();
  });
});
