import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';
import { a11yViolations, screenshot, signIn } from '../support/web.js';

/*
 * The public site as readers use it (issue 18): the index's search finds a published fact-check in a
 * browser with JavaScript switched off (a plain GET form), its speaker's page shows it and how their
 * ratings fall, and axe finds no violations on the index, a search, the speaker page and the fact-check
 * page, at a laptop's width and a phone's. Screenshots of each land in e2e/artifacts.
 */

let stack: Stack;
let browser: Browser;
let editor: { context: BrowserContext; page: Page };
let reviewer: { context: BrowserContext; page: Page };
const SPEAKER = 'Amara Okafor';

async function publish(text: string, speakerName: string, rating: string, headline: string, conclusion: string) {
  const as = (who: { page: Page }) => async (method: string, path: string, data?: unknown) => {
    const res = await who.page.request.fetch(`${stack.baseUrl}/api${path}`, {
      method,
      data,
      headers: { origin: stack.baseUrl },
    });
    if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? undefined : res.json();
  };
  const [ed, rev] = [as(editor), as(reviewer)];
  const me = await rev('GET', '/me');
  const ratings: { id: string; slug: string }[] = await ed('GET', '/ratings');
  const claim = await ed('POST', '/claims', { text, speakerName });
  await ed('PUT', `/claims/${claim.id}/assignment`, { assigneeId: me.user.id });
  await rev('PUT', `/claims/${claim.id}/verdict`, {
    version: 0,
    ratingId: ratings.find((r) => r.slug === rating)!.id,
    headline,
    conclusion,
    analysis: '## What the data says\nThe national statistics office publishes the figures every quarter.',
    sources: [
      {
        url: 'https://stats.example.org/trade',
        title: 'Trade statistics',
        publisher: 'Statistics Office',
        kind: 'primary',
      },
    ],
  });
  await rev('POST', `/claims/${claim.id}/submit`);
  await ed('POST', `/claims/${claim.id}/approve`);
  return (await ed('POST', `/claims/${claim.id}/publish`)).slug as string;
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
  reviewer = await signIn(browser, stack.baseUrl, 'reviewer');
  await publish(
    'Our exports tripled in 2023, the best year in our history.',
    SPEAKER,
    'false',
    'No, exports did not triple in 2023',
    'Exports grew by 12 percent in 2023, according to the statistics office.',
  );
  await publish(
    'Unemployment is lower today than at any time in the past decade.',
    SPEAKER,
    'true',
    'Yes, unemployment is at a ten-year low',
    'The jobless rate of 4.1 percent is the lowest since 2014.',
  );
  await publish(
    'Crime has halved since the new policing law.',
    'Daniel Mbeki',
    'mostly-false',
    'Crime fell, but it did not halve',
    'Recorded crime fell by 18 percent over the period.',
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A whole-page picture without the shared helper, which runs script in the page (switched off here). */
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** A row of the ratings table by its rating's exact label. */
const row = (page: Page, label: string) =>
  page.locator('table.dist tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

/** Fails with the list of what axe found, so a report says what to fix. */
async function expectAxeClean(page: Page, screen: string) {
  const found = await a11yViolations(page);
  expect({
    screen,
    violations: found.map((v) => `${v.id} (${v.impact}): ${v.help} ${JSON.stringify(v.nodes)}`),
  }).toEqual({ screen, violations: [] });
}

/** Nothing wider than the viewport: no sideways scrolling, no control sticking out of its column. */
async function expectNoOverflow(page: Page, screen: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return {
      page: document.documentElement.scrollWidth > width,
      controls: [...document.querySelectorAll('input, select, button, .cards li, figure')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          const parent = el.parentElement!.getBoundingClientRect();
          return box.right > width + 0.5 || box.right > parent.right + 0.5;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  expect({ screen, ...overflow }).toEqual({ screen, page: false, controls: [] });
}

describe('the public site', () => {
  it('finds a published fact-check by search without JavaScript, and its speaker page shows it with their ratings', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/fact-checks`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Fact-checks');
    await shot(page, 'public-index-desktop');

    await page.getByRole('searchbox', { name: 'Search fact-checks' }).fill('exports tripled');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/fact-checks\?q=exports\+tripled/);
    const results = page.locator('ol.cards h3');
    await expect(results.allTextContents()).resolves.toEqual(['No, exports did not triple in 2023']);
    await expect(page.locator('.results h2').textContent()).resolves.toBe('1 result for “exports tripled”');
    await shot(page, 'public-search-desktop');

    await page.locator('ol.cards').getByRole('link', { name: SPEAKER }).click();
    await page.waitForURL(/\/speakers\/amara-okafor-[0-9a-f]{8}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SPEAKER);
    await expect(page.locator('ol.cards h3').allTextContents()).resolves.toEqual([
      'Yes, unemployment is at a ten-year low',
      'No, exports did not triple in 2023',
    ]);
    const chart = page.getByRole('img', { name: /Ratings of 2 standing fact-checks/ });
    await expect(chart.getAttribute('aria-labelledby')).resolves.toBe('chart-title');
    await expect(page.locator('#chart-title').textContent()).resolves.toBe(
      'Ratings of 2 standing fact-checks: True: 1, False: 1',
    );
    // The table alternative opens without JavaScript (<details>).
    await page.getByText('The ratings as a table').click();
    await expect(row(page, 'False').locator('td').allTextContents()).resolves.toEqual(['1', '50%']);
    await expect(row(page, 'Mostly false').locator('td').first().textContent()).resolves.toBe('0');
    await shot(page, 'public-speaker-desktop');

    // The fact-check page links back to the speaker's page.
    await page.getByRole('link', { name: 'No, exports did not triple in 2023' }).click();
    await page.getByRole('link', { name: `All fact-checks of ${SPEAKER}` }).click();
    await page.waitForURL(/\/speakers\/amara-okafor-/);
    await context.close();
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }],
    ['mobile', { width: 375, height: 740 }],
  ])('is axe-clean and fits the screen on %s', async (name, viewport) => {
    const context = await browser.newContext({ viewport, isMobile: name === 'mobile', hasTouch: name === 'mobile' });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/fact-checks?q=exports`);
    const speakerUrl = await page.locator('ol.cards').getByRole('link', { name: SPEAKER }).getAttribute('href');
    const factCheckUrl = await page.locator('ol.cards h3 a').first().getAttribute('href');
    const base = new URL(stack.baseUrl);
    const local = (url: string) => {
      const u = new URL(url);
      return `${base.origin}${u.pathname}${u.search}`;
    };
    for (const [screen, url] of [
      ['index', `${stack.baseUrl}/fact-checks`],
      ['search', `${stack.baseUrl}/fact-checks?q=exports`],
      ['speaker', local(speakerUrl!)],
      ['fact-check', local(factCheckUrl!)],
    ] as const) {
      await page.goto(url);
      await expectAxeClean(page, `${screen} (${name})`);
      await expectNoOverflow(page, `${screen} (${name})`);
      if (name === 'mobile') await screenshot(page, `public-${screen}-mobile`, true);
    }
    await context.close();
  });
});
