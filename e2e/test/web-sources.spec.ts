import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { eventually } from '@factdesk/testing';
import { startStack, type Stack } from '../support/stack.js';
import { labelled, screenshot, seriousA11yViolations, signIn } from '../support/web.js';

/*
 * Issue 8 in the browser: an editor adds a feed on the Sources screen, the worker polls it at once, the
 * article it links to becomes a document whose claims reach the inbox on their own, and Today lists them
 * under the source's name. The feed and the article are served by a tiny server on loopback, which the
 * stack is allowed to reach (OUTBOUND_ALLOW_ADDRESSES).
 */
const SOURCE_NAME = 'Ministry of Economy press releases';
const CLAIM = 'Minister Ivanov said exports grew by 40 percent in 2025, reaching 12 billion dollars.';

let feedServer: Server;
let feedBase = '';
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  feedServer = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry of Economy</title><link>${feedBase}/</link><description>Press releases</description>` +
            `<item><guid isPermaLink="false">release-1</guid><title>Exports at a record high</title><link>${feedBase}/press/exports-record</link><pubDate>${new Date().toUTCString()}</pubDate></item>` +
            `</channel></rss>`,
        );
      return;
    }
    if (req.url === '/press/exports-record') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>Exports at a record high</title></head><body><article><h1>Exports at a record high</h1>` +
            `<p>${CLAIM}</p><p>He said unemployment fell to 3 percent last year, the lowest level since 1991.</p></article></body></html>`,
        );
      return;
    }
    res.writeHead(404).end();
  });
  feedServer.listen(0, '127.0.0.1');
  await once(feedServer, 'listening');
  feedBase = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;
  stack = await startStack({ worker: true, env: { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' } });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  feedServer?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

it('a source added in the web app brings its claims into the inbox on its own, and Today lists them under the source', async () => {
  const { context, page, errors } = await signIn(browser, stack.baseUrl, 'editor');
  try {
    await nav(page, 'Sources').click();
    await page.getByText('No sources yet').waitFor();

    // A loopback address other than the allowed one is refused by the API, and the form shows why.
    await page.getByRole('button', { name: 'Add source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add source' });
    await labelled(dialog, 'Name').fill(SOURCE_NAME);
    await labelled(dialog, 'URL').fill('http://127.0.0.2:9/feed.xml');
    await labelled(dialog, 'Default speaker').fill('Ivan Ivanov');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.getByRole('alert').waitFor();

    await labelled(dialog, 'URL').fill(`${feedBase}/feed.xml`);
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('source-row').filter({ hasText: SOURCE_NAME });
    await row.waitFor();

    // Polled at once: the status turns OK with a last check and a last new item (the list refreshes itself).
    await row.getByText('OK', { exact: true }).waitFor({ timeout: 30_000 });

    // The article's claims reach the inbox with nobody pasting anything.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    let texts: string[] = [];
    await eventually(
      async () => {
        const claims = (await fetch(`${stack.baseUrl}/api/claims?limit=50`, { headers: { cookie } }).then((r) =>
          r.json(),
        )) as { items: { text: string }[] };
        texts = claims.items.map((c) => c.text);
        return texts.some((t) => t.includes('exports grew by 40 percent'));
      },
      {
        timeout: 45_000,
        interval: 500,
        message: () => `a claim from the feed's article: ${JSON.stringify(texts)}\n${stack.worker?.output()}`,
      },
    );
    await page.reload();
    await row.getByText('OK', { exact: true }).waitFor();
    expect(await row.textContent()).not.toContain('Never');
    await screenshot(page, 'web-sources');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await nav(page, 'Claims').click();
    await page
      .getByText(/exports grew by 40 percent/)
      .first()
      .waitFor();

    await nav(page, 'Today').click();
    await page.getByText('By source', { exact: true }).click();
    const group = page.getByTestId('today-group').filter({ hasText: SOURCE_NAME });
    await group.getByRole('link', { name: /exports grew by 40 percent/ }).waitFor();
    await screenshot(page, 'web-today');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Each claim links to its claim page.
    await group.getByRole('link', { name: /exports grew by 40 percent/ }).click();
    await page.waitForURL(/\/claims\/[0-9a-f-]+$/);

    // Paused shows grey and resumes.
    await nav(page, 'Sources').click();
    await page.getByRole('button', { name: `Pause ${SOURCE_NAME}` }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Resume ${SOURCE_NAME}` }).click();
    await page.getByRole('button', { name: `Pause ${SOURCE_NAME}` }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);

it('reviewers are not offered Sources or Today', async () => {
  const { context, page } = await signIn(browser, stack.baseUrl, 'reviewer');
  try {
    await nav(page, 'Claims').waitFor();
    expect(await nav(page, 'Sources').count()).toBe(0);
    expect(await nav(page, 'Today').count()).toBe(0);
    await page.goto(`${stack.baseUrl}/sources`);
    await page.getByText('Not for your role').waitFor();
  } finally {
    await context.close();
  }
});
