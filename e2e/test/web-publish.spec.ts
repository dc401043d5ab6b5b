import type { ClaimDetailDto, UserDto } from '@factdesk/domain';
import { newsroom } from '../support/newsroom.js';
import { labelled, screenshot } from '../support/web.js';

/* Publishing as a deliberate act, in the browser: the preview is the page readers get, and a correction of
   the analysis and sources reaches that page with its public note. */
const desk = newsroom({ admin: true });

/** The verdict a reviewer writes and an editor approves: an analysis and one source. */
const VERDICT = {
  rating: 'false',
  headline: 'The port’s own figures say otherwise',
  conclusion: 'Container traffic fell by 8 percent.',
  analysis: 'The port authority’s **annual report** counts 1.2 million containers, down from 1.3 million.',
  sources: [{ url: 'https://port.example.org/annual-2025', title: 'Annual report 2025', kind: 'primary' as const }],
};
const approvedClaim = (text: string) => desk.approvedClaim(text, VERDICT);

/** What a reader sees of a page: its text, whitespace aside, and its dates (a preview assumes "now"; a run may cross midnight). */
const readable = (text: string) =>
  text
    .replace(/\b\d{2} [A-Z][a-z]{2} \d{4}\b/g, '<date>')
    .replace(/\s+/g, ' ')
    .trim();

describe('publishing from the review queue', () => {
  it('previews exactly the page readers then get, and says what goes out before it does', async () => {
    const claimId = await approvedClaim('Traffic through the port grew every year.');
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/review`);
    await page.getByTestId('review-item').filter({ hasText: 'Traffic through the port' }).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this fact-check?' });
    await dialog.getByText('a signed fact_check.published webhook').waitFor();
    const frame = page.frameLocator('[data-testid="publish-preview"]');
    await frame.getByText('The port’s own figures say otherwise').first().waitFor();
    const previewed = readable(await frame.locator('body').innerText());
    await screenshot(page, 'web-publish-confirm');
    // Nothing is out yet.
    expect((await desk.call<ClaimDetailDto>(page, 'GET', `/claims/${claimId}`)).state).toBe('approved');

    await dialog.getByTestId('confirm-publish').click();
    await page.getByText('Published: the page, feeds and webhooks are out.').waitFor();
    const claim = await desk.call<ClaimDetailDto>(page, 'GET', `/claims/${claimId}`);
    expect(claim.state).toBe('published');
    const reader = await desk.browser.newPage();
    try {
      await reader.goto(`${desk.stack.baseUrl}/fact-checks/${claim.factCheck!.slug}`);
      const published = readable(await reader.locator('body').innerText());
      expect(published).toBe(previewed);
    } finally {
      await reader.close();
    }
  }, 60_000);
});

describe('a correction of the analysis and sources', () => {
  it('reaches the public page with its note in the corrections log', async () => {
    const claimId = await approvedClaim('The port handles more ships than any in Europe.');
    await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/publish`);
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    await page.getByRole('button', { name: 'Correct…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a correction' });
    await labelled(dialog, 'Analysis (Markdown)').fill(
      'The port authority’s **revised report** counts 1.15 million containers, down from 1.3 million.',
    );
    await labelled(dialog, 'Title').fill('Annual report 2025 (revised)');
    await labelled(dialog, 'Public note: what changed and why').fill('The port revised its container count.');
    await dialog.getByTestId('correction-summary').getByText('analysis and sources').waitFor();
    await screenshot(page, 'web-correction-analysis-sources');
    await dialog.getByRole('button', { name: 'Publish correction' }).click();
    await dialog.waitFor({ state: 'detached' });

    const { factCheck } = await desk.call<ClaimDetailDto>(page, 'GET', `/claims/${claimId}`);
    const reader = await desk.browser.newPage();
    try {
      await reader.goto(`${desk.stack.baseUrl}/fact-checks/${factCheck!.slug}`);
      await reader.getByText('revised report').waitFor();
      const text = readable(await reader.locator('body').innerText());
      expect(text).toContain('1.15 million containers');
      expect(text).not.toContain('1.2 million containers');
      expect(text).toContain('Annual report 2025 (revised)');
      expect(text).toMatch(/Corrected the analysis and sources: The port revised its container count\./);
      await screenshot(reader, 'web-correction-public', true);
    } finally {
      await reader.close();
    }
  }, 60_000);
});

describe('destructive actions ask first', () => {
  it('deactivating a person asks, says what follows, and can be cancelled', async () => {
    const person = await desk.call<UserDto>(desk.admin.page, 'POST', '/users', {
      email: 'leaving@test.factdesk',
      name: 'Lea Leaving',
      role: 'reviewer',
      password: 'a-long-enough-password',
    });
    const page = desk.admin.page;
    await page.goto(`${desk.stack.baseUrl}/admin`);
    const toggle = page.getByRole('switch', { name: 'Lea Leaving may sign in' });
    await toggle.click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Lea Leaving?' });
    await dialog.getByText('signed out everywhere at once').waitFor();
    await screenshot(page, 'web-deactivate-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const active = async () =>
      (await desk.call<UserDto[]>(page, 'GET', '/users')).find((u) => u.id === person.id)!.active;
    expect(await active()).toBe(true);
    expect(await toggle.isChecked()).toBe(true);

    await toggle.click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Lea Leaving can no longer sign in.').waitFor();
    expect(await active()).toBe(false);
    expect(await toggle.isChecked()).toBe(false);
  }, 60_000);
});
