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

const DEMO = [
  { email: 'admin@demo.factdesk', role: 'Administrator' },
  { email: 'editor@demo.factdesk', role: 'Editor' },
  { email: 'reviewer@demo.factdesk', role: 'Reviewer' },
];

describe('signing in through the web app', () => {
  it.each(DEMO)('$email signs in and sees the $role role, then signs out', async ({ email, role }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.baseUrl}/`);
    // Signed-out visitors are sent to the sign-in page.
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('factdesk-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('role').waitFor();
    expect(await page.getByTestId('role').textContent()).toBe(role);
    expect(await page.getByTestId('who').textContent()).toContain('Sign out');
    await page.screenshot({ path: join(ARTIFACTS, `signed-in-${role.toLowerCase()}.png`) });

    // The session survives a reload (cookie), and ends on sign-out.
    await page.reload();
    await page.getByTestId('role').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves the console clean on the sign-in page: being signed out is not an error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const me = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForURL('**/login');
    expect((await me).status()).toBe(200);
    await page.getByLabel('Email').waitFor();
    // Reload the sign-in page itself too: it asks "who am I" again.
    await page.reload();
    await page.getByLabel('Email').waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a readable error for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByLabel('Email').fill('editor@demo.factdesk');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The email or password is incorrect.');
    await page.screenshot({ path: join(ARTIFACTS, 'sign-in-error.png') });
    await page.close();
  });
});
