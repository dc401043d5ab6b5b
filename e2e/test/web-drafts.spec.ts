import type { ClaimDetailDto } from '@factdesk/domain';
import { newsroom } from '../support/newsroom.js';
import { labelled, screenshot } from '../support/web.js';

/* Work in progress that survives (drafts), submissions of the version on screen, and the inbox keeping its place. */
const desk = newsroom();

describe('a verdict draft', () => {
  it('survives a reload and a navigation, and can be discarded', async () => {
    const claimId = await desk.assignedClaim('Unemployment fell to 3 percent last year.');
    const page = desk.reviewer.page;
    const url = `${desk.stack.baseUrl}/claims/${claimId}`;
    await page.goto(url);
    await page.getByLabel('Headline').fill('Three percent is the lowest in decades');
    const isDraftPut = (r: { url(): string; method(): string }) =>
      r.url().endsWith('/verdict/draft') && r.method() === 'PUT';
    const sent = page.waitForRequest(isDraftPut).then(() => Date.now());
    const kept = page.waitForResponse((r) => isDraftPut(r.request())).then(() => Date.now());
    await page.getByLabel('Conclusion').fill('The statistics office confirms the figure.');
    const typed = Date.now();
    const [sentAt, keptAt] = await Promise.all([sent, kept]);
    // A measurement for the notes (not an assertion): the debounce, then the request.
    console.log(`draft kept ${keptAt - typed} ms after the last keystroke; its request took ${keptAt - sentAt} ms`);
    await page
      .getByTestId('verdict-status')
      .getByText(/draft kept \d/)
      .waitFor();

    await page.reload();
    const restored = page.getByTestId('draft-restored');
    await restored.getByText(/^Draft restored \(saved \d\d:\d\d/).waitFor();
    expect(await page.getByLabel('Headline').inputValue()).toBe('Three percent is the lowest in decades');
    expect(await page.getByLabel('Conclusion').inputValue()).toBe('The statistics office confirms the figure.');
    await screenshot(page, 'web-verdict-draft-restored');

    // Away through the app's own navigation and back: still there. Nothing was made a version.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(`${desk.stack.baseUrl}/`);
    await page.goBack();
    await restored.waitFor();
    expect(await page.getByLabel('Headline').inputValue()).toBe('Three percent is the lowest in decades');
    expect((await desk.call<ClaimDetailDto>(desk.editor.page, 'GET', `/claims/${claimId}`)).verdict).toBeNull();

    await restored.getByRole('button', { name: 'Discard draft' }).click();
    await restored.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Headline').inputValue()).toBe('');
    await page.reload();
    await page.getByLabel('Headline').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await desk.call(page, 'GET', `/claims/${claimId}/verdict/draft`)).toBeNull();
    expect(desk.reviewer.errors).toEqual([]);
  }, 60_000);

  it('asks before leaving while the latest edits are not kept', async () => {
    const claimId = await desk.assignedClaim('Exports to China doubled in 2024.');
    const page = await desk.reviewer.context.newPage();
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    // The draft cannot be kept (the server is out of reach for it): the edit is only on screen.
    await page.route('**/verdict/draft', (route) =>
      route.request().method() === 'PUT' ? route.abort() : route.continue(),
    );
    await page.getByLabel('Headline').fill('Not doubled');
    await page.getByText('Your edits could not be kept as a draft').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this verdict?' });
    await dialog.waitFor();
    await screenshot(page, 'web-verdict-leave-guard');
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(`${desk.stack.baseUrl}/claims/${claimId}`);
    expect(await page.getByLabel('Headline').inputValue()).toBe('Not doubled');
    await page.close();
  }, 60_000);
});

describe('two tabs on one verdict', () => {
  it('the tab showing version 1 cannot submit version 2 unseen: it is shown what changed first', async () => {
    const claimId = await desk.assignedClaim('Rents doubled in ten years.');
    await desk.call(desk.reviewer.page, 'PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId: desk.rating(),
      headline: 'Rents doubled',
      conclusion: 'The rent index confirms it.',
      sources: [{ url: 'https://stats.example.org/rents', title: 'Rent index', kind: 'primary' }],
    });
    const url = `${desk.stack.baseUrl}/claims/${claimId}`;
    const tabA = await desk.reviewer.context.newPage();
    // Tab A's event stream is lost (a proxy dropped it, the laptop slept): it hears nothing of tab B's save.
    await tabA.route('**/api/events', (route) => route.abort());
    const live = desk.reviewer.page;
    const tabB = await desk.reviewer.context.newPage();
    await tabA.goto(url);
    await tabA.getByText(/^Version 1 · saved/).waitFor();
    await live.goto(url);
    await live.getByText(/^Version 1 · saved/).waitFor();
    await tabB.goto(url);
    await tabB.getByLabel('Headline').fill('Rents rose by 80 percent, not 100');
    await tabB.getByRole('button', { name: 'Save draft' }).click();
    await tabB.getByText(/^Version 2 · saved/).waitFor();
    await tabB.close();
    // A tab with its stream follows the new version by itself (it has no edits of its own).
    await live.getByText(/^Version 2 · saved/).waitFor();
    expect(await live.getByLabel('Headline').inputValue()).toBe('Rents rose by 80 percent, not 100');

    // Tab A still shows version 1 (no refetch since): its submission is refused and explained.
    await tabA.getByRole('button', { name: 'Submit for review' }).click();
    const conflict = tabA.getByTestId('verdict-conflict');
    await conflict.getByText(/^Not submitted: .* saved version 2/).waitFor();
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toContain('Rents rose by 80 percent, not 100');
    expect(await conflict.getByTestId('conflict-theirs').textContent()).not.toContain('Conclusion');
    expect(await conflict.isVisible()).toBe(true);
    await screenshot(tabA, 'web-verdict-stale-submit');
    expect((await desk.call<ClaimDetailDto>(desk.editor.page, 'GET', `/claims/${claimId}`)).state).toBe('in_progress');

    await conflict.getByRole('button', { name: 'Show version 2' }).click();
    expect(await tabA.getByLabel('Headline').inputValue()).toBe('Rents rose by 80 percent, not 100');
    await tabA.getByRole('button', { name: 'Submit for review' }).click();
    await tabA.getByText('Submitted for review. The editors have been notified.').waitFor();
    const after = await desk.call<ClaimDetailDto>(desk.editor.page, 'GET', `/claims/${claimId}`);
    expect(after).toMatchObject({ state: 'in_review', verdict: { version: 2 } });
    await tabA.close();
  }, 60_000);

  it('says what is missing next to Submit, and shows the editor’s change request at the top', async () => {
    const claimId = await desk.assignedClaim('Crime fell by a third.');
    const page = desk.reviewer.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    await page.getByRole('button', { name: 'Start work' }).click();
    const missing = page.getByTestId('verdict-missing');
    await missing.getByText('Choose a rating.').waitFor();
    expect(await missing.textContent()).toContain('Write a conclusion.');
    expect(await page.getByRole('button', { name: 'Submit for review' }).isDisabled()).toBe(true);

    await desk.call(page, 'PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId: desk.rating(),
      headline: 'A third',
      conclusion: 'Police figures agree.',
      sources: [{ url: 'https://police.example.org/2025', title: 'Crime statistics', kind: 'primary' }],
    });
    await desk.call(page, 'POST', `/claims/${claimId}/submit`, { version: 1 });
    await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/request-changes`, {
      comment: 'Use the victimisation survey, not only police records.',
    });
    await page.reload();
    const request = page.getByTestId('change-request');
    await request.getByText('Use the victimisation survey, not only police records.').waitFor();
    expect(await request.textContent()).toContain('asked for changes to version 1');
    await screenshot(page, 'web-claim-change-request');
  }, 60_000);
});

describe('the inbox keeps its place', () => {
  it('Back from a claim returns to the same cursor row and selection; a no-op is quiet; dismiss can be undone', async () => {
    const texts = ['Wages rose 4 percent.', 'Prices fell 2 percent.', 'Rents rose 9 percent.', 'Taxes fell 1 percent.'];
    for (const text of texts) await desk.call(desk.editor.page, 'POST', '/claims', { text });
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims?state=accepted`);
    await page.getByTestId('claim-row').nth(3).waitFor();
    const current = () => page.locator('[data-testid="claim-row"][aria-current="true"] .claim-link').textContent();

    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const cursorText = await current();
    await page.getByText('1 selected').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `“${cursorText}”` }).waitFor();
    await page.goBack();
    await page.getByTestId('claim-row').nth(3).waitFor();
    expect(await current()).toBe(cursorText);
    await page.getByText('1 selected').waitFor();
    await screenshot(page, 'web-inbox-back-keeps-place');

    // `a` on an accepted claim changes nothing: a quiet word, no error.
    await page.keyboard.press('x'); // tick the cursor's row too: two accepted claims selected
    await page.keyboard.press('a');
    await page.getByText('All 2 claims are already accepted.').waitFor();
    expect(await page.getByText('Not done').count()).toBe(0);

    // Dismissing offers Undo, which puts the claims back through the API.
    await page.keyboard.press('d');
    await labelled(page, 'Reason').fill('Duplicates of an earlier claim');
    await page.keyboard.press('Control+Enter');
    const toast = page.locator('.mantine-Notification-root', { hasText: '2 claims dismissed.' });
    await toast.getByTestId('undo').click();
    await page.getByText('Undone for 2 claims.').waitFor();
    const accepted = await desk.call<{ items: { text: string }[] }>(page, 'GET', '/claims?state=accepted&limit=50');
    const states = texts.map((t) => (accepted.items.some((c) => c.text === t) ? 'accepted' : 'not accepted'));
    expect(states).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(desk.editor.errors).toEqual([]);
  }, 60_000);
});
