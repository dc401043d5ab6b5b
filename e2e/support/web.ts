import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '@factdesk/testing';
import { ARTIFACTS } from './browser.js';

export const DEMO_PASSWORD = 'factdesk-demo';
export const DEMO = {
  admin: { email: 'admin@demo.factdesk', name: 'Ada Admin' },
  editor: { email: 'editor@demo.factdesk', name: 'Eddie Editor' },
  reviewer: { email: 'reviewer@demo.factdesk', name: 'Rita Reviewer' },
} as const;

/** A signed-in page of its own (separate cookies) at a laptop's viewport; page errors are collected. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  who: keyof typeof DEMO,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(DEMO[who].email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('role').waitFor();
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  // No hover tooltips, and transitions settled: the picture shows the screen, not an animation frame.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  // Toasts from the last action would cover the header; they are hidden for the picture only.
  const hideToasts = await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  try {
    return await capture(page, join(ARTIFACTS, `${name}.png`), fullPage);
  } finally {
    await hideToasts.evaluate((el) => (el as Element).remove());
  }
}

async function capture(page: Page, path: string, fullPage: boolean): Promise<string> {
  if (!fullPage) {
    await page.screenshot({ path });
    return path;
  }
  // A whole long page through a viewport as tall as it, so fixed headers and sidebars stay in place.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(200);
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Every axe-core violation on the page as it is now. The source is evaluated through the DevTools protocol:
 * an injected inline <script> would be refused by the app's CSP (script-src 'self').
 */
export async function a11yViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  return (await a11yViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A field by the start of its label: required fields' labels end with " *". */
export const labelled = (scope: Page | ReturnType<Page['locator']>, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).first();

/** Picks an option in a Mantine Select (an input opening a listbox). */
export async function choose(
  page: Page,
  label: string,
  option: string | RegExp,
  scope: Page | ReturnType<Page['locator']> = page,
): Promise<void> {
  await labelled(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits (through `get`) until the worker has processed a document; fails on a failed one or after a minute. */
export async function waitForDocument(get: () => Promise<{ status: string; error: string | null }>): Promise<void> {
  const d = await eventually(
    async () => {
      const d = await get();
      return d.status === 'done' || d.status === 'failed' ? d : null;
    },
    { timeout: 60_000, interval: 500, message: 'the document to be processed' },
  );
  if (d.status === 'failed') throw new Error(`ingestion failed: ${d.error}`);
}

/** A JSON API call as the signed-in page (its cookie, the site's origin); throws on an error status. */
export async function apiCall<T>(
  page: Page,
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}/api${path}`, { method, data: body, headers: { origin: baseUrl } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}
