import type { ClaimDetailDto, VerdictVersionDto } from '@factdesk/domain';
import { newsroom } from '../support/newsroom.js';
import { screenshot, seriousA11yViolations } from '../support/web.js';

/* Every version with who made it, and what changed: in the review queue after a send-back, and on the claim. */
const desk = newsroom();

const CLAIM = 'Youth unemployment halved in two years.';
const FIRST = 'The statistics office reports youth unemployment of 14 percent, down from 17.';
const SECOND = 'The national statistics office reports youth unemployment of 14 percent in 2025, down from 17 in 2023.';

describe('a verdict sent back and resubmitted', () => {
  let claimId: string;

  it('the review queue shows what changed since the version the editor sent back', async () => {
    ({ id: claimId } = await desk.call<{ id: string }>(desk.editor.page, 'POST', '/claims', { text: CLAIM }));
    await desk.call(desk.editor.page, 'PUT', `/claims/${claimId}/assignment`, { assigneeId: desk.rita.id });
    await desk.call(desk.reviewer.page, 'PUT', `/claims/${claimId}/verdict`, {
      version: 0,
      ratingId: desk.rating(),
      headline: 'It fell by a sixth, not a half',
      conclusion: 'Youth unemployment fell from 17 to 14 percent.',
      analysis: FIRST,
      sources: [{ url: 'https://stats.example.org/youth', title: 'Labour force survey', kind: 'primary' }],
    });
    await desk.call(desk.reviewer.page, 'POST', `/claims/${claimId}/submit`, { version: 1 });

    // The editor sends it back from the review queue.
    const queue = desk.editor.page;
    await queue.goto(`${desk.stack.baseUrl}/review`);
    await queue.getByTestId('review-item').filter({ hasText: CLAIM }).click();
    await queue.getByRole('button', { name: 'Request changes…' }).click();
    const dialog = queue.getByRole('dialog', { name: 'Request changes' });
    await dialog.getByLabel('What should change').fill('Name the office and give the years.');
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The reviewer reworks the analysis on the claim page and resubmits.
    const page = desk.reviewer.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    await page.getByTestId('change-request').getByText('Name the office and give the years.').waitFor();
    await page.getByLabel('Analysis (Markdown)').fill(SECOND);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Submitted for review. The editors have been notified.').waitFor();

    // Back in the queue, the editor sees the change without opening anything.
    await queue.goto(`${desk.stack.baseUrl}/review`);
    await queue.getByTestId('review-item').filter({ hasText: CLAIM }).click();
    const changes = queue.getByTestId('sent-back-changes');
    await changes.getByText('Changed since sent back').waitFor();
    expect(await changes.textContent()).toContain('sent version 1 back');
    expect(await changes.textContent()).toContain('“Name the office and give the years.”');
    expect(await changes.textContent()).toContain('now version 2 by Rita Reviewer');
    const analysis = changes.getByTestId('diff-analysis');
    expect(await analysis.locator('ins').allTextContents()).toEqual(['national', 'in 2025', 'in 2023']);
    expect(await analysis.locator('del').count()).toBe(0);
    // Only what changed is shown; the rest is named.
    expect(await changes.getByTestId('diff-headline').count()).toBe(0);
    expect(await changes.textContent()).toContain('Unchanged: rating, headline, conclusion, sources.');
    await screenshot(queue, 'web-review-changed-since-sent-back');
    expect(await seriousA11yViolations(queue)).toEqual([]);
  }, 60_000);

  it('the claim’s versions name who made each, and compare any two word by word', async () => {
    // The editor copy-edits the headline while it is in review: that version is the editor's.
    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    await page.getByLabel('Headline').fill('It fell by a sixth, not by half');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByTestId('verdict-status').getByText('Version 3 · saved').waitFor();
    expect(await page.getByTestId('verdict-status').textContent()).toContain('by Eddie Editor');

    const rows = page.getByTestId('verdict-version');
    await rows.nth(2).waitFor();
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(0, 3);
    expect(await cells(0)).toEqual([
      '1',
      'Savedsubmitted by Rita Reviewersent back by Eddie Editor“Name the office and give the years.”',
      'Rita Reviewer',
    ]);
    expect(await cells(1)).toEqual(['2', 'Savedsubmitted by Rita Reviewer', 'Rita Reviewer']);
    expect(await cells(2)).toEqual(['3', 'Saved', 'Eddie Editor']);

    // The last two by default: the editor's headline edit.
    const compare = page.getByTestId('compare-verdict');
    const headline = compare.getByTestId('diff-headline');
    await headline.locator('ins').first().waitFor();
    expect(await headline.locator('del').allTextContents()).toEqual(['a']);
    expect(await headline.locator('ins').allTextContents()).toEqual(['by']);

    // Any two: the version sent back against the one resubmitted.
    await compare.getByTestId('compare-verdict-from').selectOption('1');
    await compare.getByTestId('compare-verdict-to').selectOption('2');
    await compare.getByTestId('diff-analysis').locator('ins').first().waitFor();
    expect(await compare.getByTestId('diff-analysis').locator('ins').allTextContents()).toEqual([
      'national',
      'in 2025',
      'in 2023',
    ]);
    expect(await compare.getByTestId('diff-headline').count()).toBe(0);
    await page.getByTestId('version-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'web-claim-version-history');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const versions = await desk.call<VerdictVersionDto[]>(page, 'GET', `/claims/${claimId}/verdict/versions`);
    expect(versions.map((v) => [v.version, v.author.name])).toEqual([
      [1, 'Rita Reviewer'],
      [2, 'Rita Reviewer'],
      [3, 'Eddie Editor'],
    ]);
    expect(desk.editor.errors).toEqual([]);
    expect(desk.reviewer.errors).toEqual([]);
  }, 60_000);

  it('a published fact-check’s versions carry their correction notes, and their diff', async () => {
    await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/approve`, { version: 3 });
    await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/publish`);
    await desk.call(desk.editor.page, 'POST', `/claims/${claimId}/correct`, {
      note: 'The 2023 figure was 18 percent.',
      analysis: SECOND.replace('17 in 2023', '18 in 2023'),
    });
    const detail = await desk.call<ClaimDetailDto>(desk.editor.page, 'GET', `/claims/${claimId}`);
    expect(detail.verdict?.versionBy.name).toBe('Eddie Editor');

    const page = desk.editor.page;
    await page.goto(`${desk.stack.baseUrl}/claims/${claimId}`);
    // The verdict's own view names the correction's maker, not the reviewer who wrote it.
    await page.getByTestId('verdict-view').getByText('Version 4 by Eddie Editor (correction)').waitFor();
    await page.getByTestId('version-view').getByText('Published', { exact: true }).click();
    const rows = page.getByTestId('published-version');
    await rows.nth(1).waitFor();
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('Published · verdict version 3');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toContain(
      'Corrected the analysis: “The 2023 figure was 18 percent.”',
    );
    const analysis = page.getByTestId('compare-published').getByTestId('diff-analysis');
    expect(await analysis.locator('del').allTextContents()).toEqual(['17']);
    expect(await analysis.locator('ins').allTextContents()).toEqual(['18']);
    await page.getByTestId('version-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'web-claim-published-versions');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(desk.editor.errors).toEqual([]);
  }, 60_000);
});
