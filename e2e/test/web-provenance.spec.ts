import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { ROOT, startStack, type Stack } from '../support/stack.js';
import { apiCall, labelled, screenshot, seriousA11yViolations, signIn } from '../support/web.js';

/*
 * Provenance to publication in the browser (issue 18): an editor pastes an interview with where and when it
 * was said (date, the original's URL, a recording with a start time) and a public name apart from the internal
 * title; a claim inherits them and gets its own time in the recording; it goes through the desk to
 * publication; the public page shows the date, place and public name (never the title), its ClaimReview has
 * Google's required and recommended properties, its share tags carry the rating, and the index's search and
 * the speaker's page list it.
 */
let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;
const LOGO = 'https://factcheck.example.org/logo.png';
beforeAll(async () => {
  stack = await startStack({ worker: true, env: { PUBLISHER_LOGO_URL: LOGO, PUBLISHER_NAME: 'Example Checks' } });
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
}, 60_000);
afterAll(async () => {
  await editor?.context.close();
  await browser?.close();
  await stack?.stop();
});

const SAMPLE = readFileSync(join(ROOT, 'fixtures/memri-6998-lavrov-belarus-interview-2017.txt'), 'utf8');
const TITLE = '(Belarus interview, working copy)';
const APPEARED_IN = 'Interview with the Belarusian media';
const ORIGINAL = 'https://news.example.org/lavrov-belarus-interview';
const RECORDING = 'https://www.youtube.com/watch?v=lavrov2017';

let broken = false;
function step(name: string, fn: () => Promise<void>, timeout = 90_000) {
  it(
    name,
    async () => {
      if (broken) throw new Error('not run: an earlier step failed');
      try {
        await fn();
      } catch (err) {
        broken = true;
        await screenshot(editor.page, 'web-provenance-failure').catch(() => undefined);
        throw err;
      }
    },
    timeout,
  );
}

describe('provenance from the paste form to the public record', () => {
  let documentId = '';
  let claimId = '';
  let slug = '';
  let headline = '';
  const api = <T>(method: string, path: string, body?: unknown) =>
    apiCall<T>(editor.page, stack.baseUrl, method, path, body);

  step('an editor pastes the interview with its date, original, recording and public name', async () => {
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/documents`);
    await labelled(page, 'Text').fill(SAMPLE);
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Appeared in').fill(APPEARED_IN);
    await page.getByLabel('Date said').fill('2017-06-23');
    await page.getByLabel('Where').fill('Minsk, Belarus');
    await page.getByLabel('Original’s URL').fill(ORIGINAL);
    await page.getByLabel('Recording').fill(RECORDING);
    await page.getByLabel('Starts at').fill('not a time');
    await page.getByRole('button', { name: 'Find claims' }).click();
    await page.getByText('Write a time such as 12:34').waitFor();
    await page.getByLabel('Starts at').fill('2:05');
    await screenshot(page, 'web-provenance-form');
    await page.getByRole('button', { name: 'Find claims' }).click();
    await page.waitForURL('**/documents/*');
    documentId = page.url().split('/').pop()!;
    await page.getByTestId('claim-highlight').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('document-provenance').textContent()).toContain(`Appeared in ${APPEARED_IN}`);
  });

  step('its claim inherits where and when, and an editor gives it its own time in the recording', async () => {
    const page = editor.page;
    const claims = await api<{ items: { id: string; text: string; speaker: { name: string } | null }[] }>(
      'GET',
      `/claims?documentId=${documentId}&sort=score&limit=50`,
    );
    const claim = claims.items.find((c) => c.speaker?.name.includes('Lavrov'))!;
    claimId = claim.id;
    await page.goto(`${stack.baseUrl}/claims/${claimId}`);
    const where = page.getByTestId('provenance');
    await where.getByText(APPEARED_IN).waitFor();
    expect(await where.textContent()).toContain('Minsk, Belarus');
    expect(await where.getByRole('link', { name: 'at 2:05' }).getAttribute('href')).toBe(`${RECORDING}&t=125s`);

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Claim accepted.').waitFor();
    await page.getByRole('button', { name: 'Edit where and when' }).click();
    const dialog = page.getByRole('dialog', { name: 'Where and when it was said' });
    await dialog.getByLabel('Starts at').fill('12:34');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await where.getByRole('link', { name: 'at 12:34' }).waitFor();
    expect(await where.getByText('this claim’s').count()).toBe(1);
    await page.getByTestId('history').getByText('set where and when it was said').first().waitFor();
    await screenshot(page, 'web-provenance-claim', true);
  });

  step('it goes through the desk and the editor publishes it, with no provenance warning', async () => {
    const page = editor.page;
    const me = await api<{ user: { id: string } }>('GET', '/me');
    const ratings = await api<{ id: string; slug: string }[]>('GET', '/ratings');
    headline = 'Lavrov on Belarus: Moscow never asked it to choose';
    // The editor does the reviewer's part here (the journey test covers the reviewer's screens).
    await api('PUT', `/claims/${claimId}/assignment`, { assigneeId: me.user.id });
    await api('POST', `/claims/${claimId}/start`);
    const verdict = await api<{ version: number }>('PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId: ratings.find((r) => r.slug === 'half-true')!.id,
      headline,
      conclusion: 'The record of the talks supports part of it; the rest is the minister’s reading.',
      analysis: 'The 2017 talks are documented in the ministries’ joint statement.',
      sources: [{ url: ORIGINAL, title: 'The interview', publisher: 'News Example', kind: 'primary' }],
    });
    await api('POST', `/claims/${claimId}/submit`, { version: verdict.version });
    await page.reload();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await page.getByTestId('provenance-warnings').count()).toBe(0);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Verdict approved.').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('public-link').waitFor();
    slug = (await page.getByTestId('public-link').getAttribute('href'))!.replace('/fact-checks/', '');
  });

  step('the public page shows the date, place and public name, never the internal title', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${stack.baseUrl}/fact-checks/${slug}`);
      const said = page.locator('.provenance');
      const text = (await said.textContent())!;
      expect(text).toContain('23 Jun 2017');
      expect(text).toContain('Minsk, Belarus');
      expect(await said.getByRole('link', { name: APPEARED_IN }).getAttribute('href')).toBe(ORIGINAL);
      expect(await said.getByRole('link', { name: 'recording at 12:34' }).getAttribute('href')).toBe(
        `${RECORDING}&t=754s`,
      );
      expect(await page.content()).not.toContain(TITLE);
      await screenshot(page, 'web-provenance-public', true);
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  step('its ClaimReview has Google’s required and recommended properties', async () => {
    const html = await (await fetch(`${stack.baseUrl}/fact-checks/${slug}`)).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const review = JSON.parse(blocks[0][1]);
    // Required.
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${stack.baseUrl}/fact-checks/${slug}`,
      reviewRating: { '@type': 'Rating', alternateName: 'Half true' },
    });
    expect(review.claimReviewed.length).toBeGreaterThan(10);
    // Recommended: the reviewer, the rating's numbers, and the claim's author, date and appearance.
    expect(review.author).toMatchObject({ '@type': 'Organization', name: 'Example Checks', logo: { url: LOGO } });
    expect(review.reviewRating).toMatchObject({ ratingValue: 4, bestRating: 6, worstRating: 1, name: 'Half true' });
    expect(review.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: { '@type': 'Person', name: expect.stringContaining('Lavrov') },
      datePublished: '2017-06-23T00:00:00.000Z',
      appearance: {
        '@type': 'CreativeWork',
        url: ORIGINAL,
        name: APPEARED_IN,
        locationCreated: { '@type': 'Place', name: 'Minsk, Belarus' },
        associatedMedia: { '@type': 'MediaObject', contentUrl: `${RECORDING}&t=754s` },
      },
    });
  });

  step('its share tags carry the rating, conclusion and logo, with a canonical link', async () => {
    const html = await (await fetch(`${stack.baseUrl}/fact-checks/${slug}`)).text();
    const meta = (attr: string, name: string) =>
      new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(html)?.[1];
    const url = `${stack.baseUrl}/fact-checks/${slug}`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(meta('property', 'og:title')).toBe(`Half true: ${headline}`);
    expect(meta('property', 'og:description')).toMatch(/^Our rating: Half true\. The record of the talks/);
    expect(meta('property', 'og:url')).toBe(url);
    expect(meta('property', 'og:image')).toBe(LOGO);
    expect(meta('property', 'og:type')).toBe('article');
    expect(meta('name', 'twitter:card')).toBe('summary');
    expect(meta('name', 'twitter:data1')).toBe('Half true');
  });

  step('the index’s search and the speaker’s page list it', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${stack.baseUrl}/fact-checks`);
      await page.getByRole('searchbox', { name: 'Search fact-checks' }).fill('choose');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/q=choose/);
      await page.getByRole('link', { name: headline }).waitFor();
      await page.getByRole('link', { name: headline }).click();
      await page.getByRole('link', { name: /All fact-checks of .*Lavrov/ }).click();
      await page.waitForURL('**/speakers/**');
      await page.getByRole('link', { name: headline }).waitFor();
      expect(await page.locator('svg').count()).toBeGreaterThan(0);
      await screenshot(page, 'web-provenance-speaker', true);
    } finally {
      await page.close();
    }
  });

  it('raised no page errors', () => {
    expect(editor.errors).toEqual([]);
  });
});
