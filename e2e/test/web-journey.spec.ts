import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { ROOT, startStack, type Stack } from '../support/stack.js';
import { choose, labelled, screenshot, seriousA11yViolations, signIn } from '../support/web.js';

/*
 * The newsroom's day in the browser against the real stack (API + ingestion worker): a pasted transcript
 * becomes claims, one is triaged, assigned, checked, sent back, revised, approved and published, and the
 * public page and feed carry it.
 */
let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack({ worker: true });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const SAMPLE = readFileSync(join(ROOT, 'fixtures/lavrov-minsk-2022-06-30.txt'), 'utf8');
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

// The steps build on each other: once one fails, the rest say so at once instead of timing out.
let broken = false;
const failurePages: Record<string, Page | undefined> = {};
function step(name: string, fn: () => Promise<void>, timeout = 60_000) {
  it(
    name,
    async () => {
      if (broken) throw new Error('not run: an earlier step of the journey failed');
      try {
        await fn();
      } catch (err) {
        broken = true;
        for (const [who, p] of Object.entries(failurePages))
          await p?.screenshot({ path: join(ARTIFACTS, `web-failure-${who}.png`) }).catch(() => undefined);
        throw err;
      }
    },
    timeout,
  );
}

describe('the newsroom journey in the browser', () => {
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let claimUrl = '';
  let claimText = '';
  let slug = '';

  beforeAll(async () => {
    editor = await signIn(browser, stack.baseUrl, 'editor');
    reviewer = await signIn(browser, stack.baseUrl, 'reviewer');
    failurePages.editor = editor.page;
    failurePages.reviewer = reviewer.page;
  });
  afterAll(async () => {
    await editor?.context.close();
    await reviewer?.context.close();
  });

  step(
    'an editor pastes a transcript and its claims appear, highlighted in place',
    async () => {
      const page = editor.page;
      await nav(page, 'Documents').click();
      await labelled(page, 'Text').fill(SAMPLE);
      await page.getByLabel('Outlet').fill('Russian Foreign Ministry');
      await page.getByRole('button', { name: 'Find claims' }).click();
      await page.waitForURL('**/documents/*');
      // The worker reads the text and finds the claims; the page follows over server-sent events.
      await page.getByTestId('claim-highlight').first().waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('claim-highlight').count()).toBeGreaterThan(3);
      expect(await page.locator('.speaker-tag').first().textContent()).toMatch(/Lavrov/);
      await screenshot(page, 'web-document');
      await nav(page, 'Documents').click();
      await page.getByTestId('document-row').first().getByText('Done').waitFor();
      await screenshot(page, 'web-documents');
    },
    120_000,
  );

  step(
    'the editor accepts the top claim in the inbox and assigns it to the demo reviewer',
    async () => {
      const page = editor.page;
      await page.goto(`${stack.baseUrl}/claims`);
      // Editors land on "To triage": detected, check-worthy claims, strongest first.
      await page.waitForURL(/state=detected/);
      const first = page.getByTestId('claim-row').first();
      await first.waitFor();
      await screenshot(page, 'web-inbox');
      claimText = (await first.locator('.claim-link').textContent())!;
      await first.getByRole('checkbox', { name: 'Select claim' }).check();
      await page.getByRole('region', { name: 'Selected claims' }).getByRole('button', { name: 'Accept' }).click();
      await page.getByText('Claim accepted.').waitFor();

      await page.getByRole('button', { name: 'Accepted' }).click();
      await page.getByTestId('claim-row').getByRole('link', { name: claimText }).click();
      await page.waitForURL('**/claims/*');
      claimUrl = page.url();
      await page.getByRole('button', { name: 'Assign…' }).click();
      await choose(page, 'Assign to', /Rita Reviewer/);
      const due = new Date(Date.now() + 36 * 3600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await page
        .getByLabel('Due')
        .fill(`${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T${pad(due.getHours())}:00`);
      await page
        .getByLabel('Note for the reviewer')
        .fill('Check the 40 percent figure against the Union State reports.');
      await page.getByRole('dialog').getByRole('button', { name: 'Assign' }).click();
      await page.getByText('Rita Reviewer', { exact: true }).waitFor();
      expect(await page.getByTestId('due').textContent()).toMatch(/^Due /);
    },
    60_000,
  );

  step(
    'the reviewer drafts a verdict with two sources and submits it, and sees no publish action',
    async () => {
      const page = reviewer.page;
      await page.reload();
      // The dashboard lists the new assignment, due soon.
      await page.getByRole('link', { name: claimText }).waitFor();
      await screenshot(page, 'web-dashboard-reviewer');
      await page.getByRole('link', { name: claimText }).click();
      await page.waitForURL(claimUrl);
      await choose(page, 'Rating', 'Mostly true');
      await page.getByLabel('Headline').fill('Minsk talks: the 40% figure is the government’s own estimate');
      await page
        .getByLabel('Conclusion')
        .fill('The figure comes from the Russian government and could not be checked independently.');
      await page
        .getByLabel('Analysis (Markdown)')
        .fill(
          'The claim rests on **official estimates**.\n\n- The Union State programmes were approved in 2021.\n- <script>alert(1)</script>No independent audit exists.',
        );
      await page.getByRole('tab', { name: 'Preview' }).click();
      const preview = page.getByTestId('analysis-preview');
      expect(await preview.locator('strong').textContent()).toBe('official estimates');
      // The sanitiser removed the script; React escaped nothing because this is the one sanitised HTML path.
      expect(await preview.locator('script').count()).toBe(0);
      await page.getByRole('tab', { name: 'Analysis' }).click();

      await page.getByRole('button', { name: 'Add source' }).click();
      const s0 = page.getByTestId('source-0');
      await labelled(s0, 'URL').fill('not a url');
      await s0.getByLabel('Title').click();
      await s0.getByText('This is not a complete address').waitFor();
      await labelled(s0, 'URL').fill('https://www.mid.ru/en/foreign_policy/news/1820000/');
      await s0.getByLabel('Title').fill('Lavrov’s comment after talks with Lukashenko');
      await s0.getByLabel('Publisher').fill('Russian Foreign Ministry');
      await page.getByRole('button', { name: 'Add source' }).click();
      const s1 = page.getByTestId('source-1');
      await labelled(s1, 'URL').fill('https://www.belta.by/politics/view/union-state-programmes');
      await s1.getByLabel('Title').fill('Union State programmes: progress report');
      expect(await s1.getByRole('radio', { name: 'Secondary' }).isChecked()).toBe(true);

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^Version 1 · saved/).waitFor();
      await screenshot(page, 'web-claim-reviewer', true);
      expect(await page.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Submitted for review. The editors have been notified.').waitFor();
      await page.getByTestId('verdict-view').waitFor();
      expect(await page.getByRole('button', { name: /Publish|Approve/ }).count()).toBe(0);
    },
    60_000,
  );

  step(
    'the editor requests changes from the review queue',
    async () => {
      const page = editor.page;
      await nav(page, 'Review queue').click();
      await page.getByTestId('review-item').first().waitFor();
      await page.getByTestId('verdict-view').waitFor();
      await screenshot(page, 'web-review');
      await page.getByRole('button', { name: 'Request changes…' }).click();
      await labelled(page, 'What should change').fill(
        'Name the Russian government source of the 40% estimate in the conclusion.',
      );
      await page.getByRole('button', { name: 'Send back' }).click();
      await page.getByText('Nothing to review').waitFor();
    },
    60_000,
  );

  step(
    'the reviewer revises and resubmits',
    async () => {
      const page = reviewer.page;
      await page.reload();
      await page.getByText('Name the Russian government source').first().waitFor();
      await page
        .getByLabel('Conclusion')
        .fill(
          'The figure is the Russian Foreign Ministry’s own estimate; no independent audit of the programmes exists.',
        );
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await page.getByText('Submitted for review. The editors have been notified.').waitFor();
    },
    60_000,
  );

  step(
    'the editor approves and publishes; the public page shows the rating and its ClaimReview; the feed lists it',
    async () => {
      const page = editor.page;
      await page.reload();
      await page.getByTestId('verdict-view').getByText('Foreign Ministry’s own estimate').waitFor();
      const actions = page.getByTestId('review-actions');
      await actions.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText('Approved.', { exact: true }).waitFor();
      await page.getByTestId('review-item').getByText('Approved', { exact: true }).waitFor();
      await actions.getByRole('button', { name: 'Publish…', exact: true }).click();
      await page.getByTestId('confirm-publish').click();
      await page.getByText('Published: the page, feeds and webhooks are out.', { exact: true }).waitFor();

      await nav(page, 'Published').click();
      const row = page.getByTestId('fact-check-row').first();
      await row.waitFor();
      await screenshot(page, 'web-published');
      const href = (await row.getByRole('link').first().getAttribute('href'))!;
      slug = href.replace('/fact-checks/', '');

      await page.goto(`${stack.baseUrl}${href}`);
      expect(await page.locator('body').textContent()).toContain('Mostly true');
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
      const review = ([] as { '@type': string; reviewRating?: { alternateName?: string } }[])
        .concat(jsonLd['@graph'] ?? jsonLd)
        .find((n) => n['@type'] === 'ClaimReview');
      expect(review?.reviewRating?.alternateName).toBe('Mostly true');
      await screenshot(page, 'web-public-fact-check');

      const feed = (await (await fetch(`${stack.baseUrl}/feed.json`)).json()) as {
        items: { url: string; title: string }[];
      };
      expect(feed.items.some((i) => i.url.endsWith(`/fact-checks/${slug}`))).toBe(true);

      await page.goto(claimUrl);
      await page.getByTestId('public-link').waitFor();
      await page.getByTestId('history').getByText('published the fact-check').first().waitFor();
      await screenshot(page, 'web-claim', true);
    },
    60_000,
  );

  it('has no serious or critical accessibility violation on the main screens', async () => {
    const page = editor.page;
    const screens: [string, string, string][] = [
      ['dashboard', '/', 'Claims by state'],
      ['inbox', '/claims?sort=newest', 'Claims'],
      ...(claimUrl ? [['claim', new URL(claimUrl).pathname, 'Verdict'] as [string, string, string]] : []),
      ['documents', '/documents', 'Add a document'],
      ['review', '/review', 'Review queue'],
      ['published', '/published', 'Public index'],
    ];
    const found: Record<string, unknown> = {};
    for (const [name, path, marker] of screens) {
      await page.goto(`${stack.baseUrl}${path}`);
      await page.getByText(marker, { exact: true }).first().waitFor();
      await page.waitForTimeout(300);
      if (name === 'dashboard') await screenshot(page, 'web-dashboard');
      const violations = await seriousA11yViolations(page);
      if (violations.length) found[name] = violations;
    }
    const admin = await signIn(browser, stack.baseUrl, 'admin');
    await nav(admin.page, 'Admin').click();
    await admin.page.getByText('Add a person').waitFor();
    await screenshot(admin.page, 'web-admin');
    for (const [tab, marker] of [
      ['People and roles', 'Add person'],
      ['Rating scale', 'Add a rating'],
      ['Methodology and corrections policy', 'Publish text'],
      ['Webhooks', 'Add webhook'],
      ['API tokens', 'Issue token'],
    ]) {
      await admin.page.getByRole('tab', { name: tab }).click();
      await admin.page.getByRole('button', { name: marker }).first().waitFor();
      if (tab === 'Rating scale') await screenshot(admin.page, 'web-admin-ratings');
      const violations = await seriousA11yViolations(admin.page);
      if (violations.length) found[`admin: ${tab}`] = violations;
    }
    await admin.context.close();

    const anon = await browser.newPage();
    await anon.goto(`${stack.baseUrl}/login`);
    await anon.getByLabel('Email').waitFor();
    await screenshot(anon, 'web-login');
    const loginViolations = await seriousA11yViolations(anon);
    if (loginViolations.length) found.login = loginViolations;
    await anon.close();
    expect(found).toEqual({});
  }, 120_000);

  it('raised no page errors', () => {
    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  });
});
