import type {
  DocumentDto,
  DocumentSentencesDto,
  DocumentSubmissionDto,
  Page as ApiPage,
  ClaimSummaryDto,
} from '@factdesk/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';
import { apiCall, screenshot, signIn, waitForDocument } from '../support/web.js';

/* A near miss seen on its document's page, made a claim in one click, and found in the inbox. */
let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;
let documentId: string;

const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
  apiCall<T>(page, stack.baseUrl, method, path, body);

// A debate excerpt: the line fact-checkers checked ("never been a time…") scores just under the threshold.
const DEBATE = `MUIR: Senator Rubio, what would you do about climate change?
RUBIO: There's never been a time when the climate has not changed. I am not going to destroy our economy over it. We created 2 million jobs in Florida since 2010.
MUIR: Thank you, Senator.
KASICH: Ohio balanced its budget and cut taxes by 5 billion dollars. Our unemployment rate fell to 4.7 percent.`;

beforeAll(async () => {
  stack = await startStack({ worker: true });
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
  const { document } = await call<DocumentSubmissionDto>(editor.page, 'POST', '/documents', {
    text: DEBATE,
    title: 'Near-miss debate',
  });
  documentId = document.id;
  await waitForDocument(() => call<DocumentDto>(editor.page, 'GET', `/documents/${documentId}`));
}, 120_000);
afterAll(async () => {
  await editor?.context.close();
  await browser?.close();
  await stack?.stop();
});

describe('near misses on the document page', () => {
  it('shows the highest-scoring sentence below the threshold with its score and speaker; one click makes it a claim in the inbox', async () => {
    const page = editor.page;
    const stored = await call<DocumentSentencesDto>(page, 'GET', `/documents/${documentId}/sentences`);
    expect(stored.stored).toBe(true);
    const top = stored.items[0]!;
    expect(top.score).toBeLessThan(stored.threshold!);

    await page.goto(`${stack.baseUrl}/documents/${documentId}`);
    const panel = page.getByTestId('near-misses');
    const row = panel.getByTestId('near-miss').first();
    await row.waitFor();
    expect(await row.textContent()).toContain(top.text);
    expect(await row.textContent()).toContain(top.speaker ?? 'Unknown speaker');
    expect(await row.getByLabel(/Check-worthiness/).textContent()).toBe(String(Math.round(top.score * 100)));
    expect(await panel.getByLabel('Threshold').inputValue()).toBe(String(Math.round(stored.threshold! * 100)));
    await screenshot(page, 'web-near-misses');

    await row.getByRole('button', { name: 'Make this a claim' }).click();
    await page.getByText('Now a claim in the inbox.').waitFor();
    // It leaves the near misses and joins the document's claims.
    await panel.getByText(top.text).waitFor({ state: 'detached' });
    await screenshot(page, 'web-near-miss-promoted');

    await page.goto(`${stack.baseUrl}/claims?documentId=${documentId}`);
    await page.getByTestId('claim-row').getByText(top.text).waitFor();
    const inbox = await call<ApiPage<ClaimSummaryDto>>(page, 'GET', `/claims?documentId=${documentId}&limit=50`);
    expect(inbox.items.find((c) => c.text === top.text)).toMatchObject({
      state: 'detected',
      speaker: { name: top.speaker },
    });
  });
});
