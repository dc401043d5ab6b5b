import type { ClaimSummaryDto, DocumentDto, DocumentSpeakerDto, Page as ApiPage, SpeakerDto } from '@factdesk/domain';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@factdesk/testing';
import { launchBrowser } from '../support/browser.js';
import { startStack, type Stack } from '../support/stack.js';
import { apiCall, labelled, screenshot, signIn, waitForDocument } from '../support/web.js';

/*
 * Speakers in the browser: a pasted debate excerpt (an O'Malley-style label, moderators from a header list,
 * stage directions); the inbox's To triage without moderators' lines until its filter; a merge and a rename on
 * the Speakers screen, seen on the published page's ClaimReview.
 * Relies on transcript parsing (libs/claim-detection, issue 16) for: O'MALLEY as a label, display names
 * ("Sanders" with "SANDERS" as alias) and the moderators' detected role; those assertions are marked.
 */
const EXCERPT = `MODERATORS: David Muir (ABC News), Martha Raddatz (ABC News)

MUIR: Governor O'Malley, in 2013 Maryland banned 45 kinds of assault weapons, and murders in Baltimore rose by 30 percent the next year.

O'MALLEY: Senator Sanders voted against the Brady Bill five times. (APPLAUSE) Maryland passed the toughest gun-safety law in the country in 2013.

RADDATZ: Senator Sanders, unemployment among young black Americans is 51 percent. Is that acceptable?

SANDERS: Unemployment in Vermont fell to 3.6 percent in 2015. (CROSSTALK) We spend more per capita on health care than any other nation, almost three times as much as the British.
`;

let stack: Stack;
let browser: Browser;
let editor: Awaited<ReturnType<typeof signIn>>;
let documentId = '';

const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
  apiCall<T>(page, stack.baseUrl, method, path, body);
const api = <T>(method: string, path: string, body?: unknown) => call<T>(editor.page, method, path, body);
const documentSpeakers = () => api<DocumentSpeakerDto[]>('GET', `/documents/${documentId}/speakers`);
const triage = async () =>
  (await api<ApiPage<ClaimSummaryDto>>('GET', `/claims?state=detected&askers=exclude&documentId=${documentId}`)).items;

/** The ClaimReview's itemReviewed.author on a public page. */
async function authorOnPage(slug: string): Promise<Record<string, unknown>> {
  const html = await (await editor.page.request.get(`${stack.baseUrl}/fact-checks/${slug}`)).text();
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(block).itemReviewed.author;
}

/** A hand-entered claim by `speakerName`, taken through the workflow to a published fact-check. */
async function publishHandEntered(speakerName: string): Promise<string> {
  const claim = await api<{ id: string }>('POST', '/claims', {
    text: 'Senator Sanders said the United States spends more per capita on health care than any other nation.',
    speakerName,
  });
  const me = await api<{ user: { id: string } }>('GET', '/me');
  const rating = (await api<{ id: string; slug: string }[]>('GET', '/ratings')).find((r) => r.slug === 'true')!;
  await api('PUT', `/claims/${claim.id}/assignment`, { assigneeId: me.user.id });
  await api('PUT', `/claims/${claim.id}/verdict`, {
    version: 0,
    ratingId: rating?.id ?? (await api<{ id: string }[]>('GET', '/ratings'))[0]!.id,
    headline: 'Yes, the US spends the most per person on health care',
    conclusion: 'OECD figures agree.',
    analysis: 'The OECD reports the highest spending per capita.',
    sources: [{ url: 'https://stats.oecd.org/health', title: 'OECD Health Statistics', kind: 'primary' }],
  });
  await api('POST', `/claims/${claim.id}/submit`);
  await api('POST', `/claims/${claim.id}/approve`);
  return (await api<{ slug: string }>('POST', `/claims/${claim.id}/publish`)).slug;
}

beforeAll(async () => {
  stack = await startStack({ worker: true });
  browser = await launchBrowser();
  editor = await signIn(browser, stack.baseUrl, 'editor');
}, 120_000);
afterAll(async () => {
  await editor?.context.close();
  await browser?.close();
  await stack?.stop();
});

describe('speakers of a pasted debate', () => {
  it('an editor pastes the excerpt; its speakers and their roles are listed on the document page', async () => {
    const page = editor.page;
    await page.goto(`${stack.baseUrl}/documents`);
    await labelled(page, 'Text').fill(EXCERPT);
    await page.getByRole('button', { name: 'Find claims' }).click();
    await page.waitForURL('**/documents/*');
    documentId = new URL(page.url()).pathname.split('/').pop()!;
    await waitForDocument(() => api<DocumentDto>('GET', `/documents/${documentId}`));
    await page.reload();
    await page.getByTestId('document-speaker').first().waitFor();
    expect((await documentSpeakers()).some((s) => /sanders/i.test(s.speaker.name))).toBe(true);
  }, 120_000);

  // Needs issue 16's transcript parsing (header "MODERATORS:" gives the role; O'MALLEY is a label).
  it('detection: the moderators are moderators, O’Malley is a person, no label or stage direction in claims', async () => {
    const speakers = await documentSpeakers();
    const role = (re: RegExp) => speakers.find((s) => re.test(s.speaker.name))?.detectedRole;
    expect(role(/muir/i)).toBe('moderator');
    expect(role(/raddatz/i)).toBe('moderator');
    expect(speakers.find((s) => /o'malley/i.test(s.speaker.name))?.speaker.kind).toBe('person');
    const claims = (await api<ApiPage<ClaimSummaryDto>>('GET', `/claims?documentId=${documentId}`)).items;
    for (const c of claims) expect(c.text).not.toMatch(/O'MALLEY:|SANDERS:|\(APPLAUSE\)|\(CROSSTALK\)/);
  });

  it('a moderator is marked on the document page; To triage leaves their lines out until the filter', async () => {
    const page = editor.page;
    // Where detection did not say so, the editor does: "Moderator in this document".
    for (const s of await documentSpeakers())
      if (/muir|raddatz/i.test(s.speaker.name) && !s.asks) {
        await page.getByRole('button', { name: `Role of ${s.speaker.name}` }).click();
        await page.getByRole('menuitem', { name: 'Moderator in this document' }).click();
        await page.getByText(`${s.speaker.name}: a moderator in this document`).waitFor();
      }
    const moderators = (await documentSpeakers()).filter((s) => s.asks).map((s) => s.speaker.name);
    expect(moderators.length).toBeGreaterThan(0);
    await screenshot(page, 'web-document-speakers');

    await page.goto(`${stack.baseUrl}/claims?state=detected&checkworthy=true&askers=exclude&documentId=${documentId}`);
    await page.getByTestId('claim-row').first().waitFor();
    const shown = await page.getByTestId('claim-row').allTextContents();
    for (const name of moderators) for (const row of shown) expect(row).not.toContain(name);
    expect(shown.some((row) => /sanders/i.test(row))).toBe(true);
    await screenshot(page, 'web-inbox-no-moderators');

    // A controlled switch: its state follows the URL, after the click (so click, not check).
    await page.getByRole('switch', { name: 'Include moderators and questioners' }).click({ force: true });
    await page.waitForURL((url) => !url.search.includes('askers='));
    const withModerators = (await api<ApiPage<ClaimSummaryDto>>('GET', `/claims?documentId=${documentId}`)).items;
    const moderatorLine = withModerators.find((c) => c.speaker && moderators.includes(c.speaker.name));
    if (moderatorLine) await page.getByTestId('claim-row').getByText(moderatorLine.text).waitFor();
    expect((await triage()).every((c) => !moderators.includes(c.speaker?.name ?? ''))).toBe(true);
  }, 60_000);

  it('the Speakers screen merges the detected Sanders into a hand-entered one and renames him; the ClaimReview follows', async () => {
    const page = editor.page;
    const slug = await publishHandEntered('Bernie Sanders');
    expect(await authorOnPage(slug)).toMatchObject({ '@type': 'Person', name: 'Bernie Sanders' });
    const detected = (await documentSpeakers()).find(
      (s) => /sanders/i.test(s.speaker.name) && s.speaker.name !== 'Bernie Sanders',
    )!;

    await page.goto(`${stack.baseUrl}/speakers`);
    await page.getByTestId('speaker-row').first().waitFor();
    await page.getByRole('button', { name: `Merge ${detected.speaker.name}` }).click();
    const merge = page.getByRole('dialog');
    await labelled(merge, 'Merge into').fill('Bernie');
    await page.getByRole('option', { name: 'Bernie Sanders' }).click();
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText(`${detected.speaker.name} merged into Bernie Sanders`).waitFor();
    const row = page.locator('[data-testid="speaker-row"][data-speaker="Bernie Sanders"]');
    await row.getByText(`Also: ${detected.speaker.name}`, { exact: false }).waitFor();

    await row.getByRole('button', { name: 'Edit Bernie Sanders' }).click();
    const form = page.getByRole('dialog');
    await labelled(form, 'Name').fill('Bernard Sanders');
    await labelled(form, 'Links (sameAs)').fill('https://www.wikidata.org/wiki/Q359442\nnot a link');
    await form.getByText('Not a web address: not a link').waitFor();
    await labelled(form, 'Links (sameAs)').fill(
      'https://www.wikidata.org/wiki/Q359442\nhttps://en.wikipedia.org/wiki/Bernie_Sanders',
    );
    await screenshot(page, 'web-speaker-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Bernard Sanders saved').waitFor();
    await page.locator('[data-testid="speaker-row"][data-speaker="Bernard Sanders"]').getByText('Wikipedia').waitFor();
    await screenshot(page, 'web-speakers');

    // The public cache hears of the change over LISTEN/NOTIFY.
    await eventually(async () =>
      expect(await authorOnPage(slug)).toEqual({
        '@type': 'Person',
        name: 'Bernard Sanders',
        sameAs: ['https://www.wikidata.org/wiki/Q359442', 'https://en.wikipedia.org/wiki/Bernie_Sanders'],
      }),
    );
    const claims = (await api<ApiPage<ClaimSummaryDto>>('GET', `/claims?documentId=${documentId}`)).items;
    expect(claims.filter((c) => c.speaker?.name === 'Bernard Sanders').length).toBeGreaterThan(0);
    const speakers = await api<SpeakerDto[]>('GET', '/speakers?q=Bernard');
    expect(speakers[0]!.aliases).toEqual(expect.arrayContaining(['Bernie Sanders', detected.speaker.name]));
  }, 90_000);
});
