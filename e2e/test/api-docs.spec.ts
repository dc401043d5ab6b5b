import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('renders the API documentation under the security headers', async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto(`${stack.baseUrl}/api/docs`);
  await page.getByText('Factdesk API').first().waitFor();
  await page.getByText('/api/auth/login').first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'api-docs.png') });
  expect(blocked).toEqual([]);
  await page.close();
});
