import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

let h: Harness;
let desk: Newsroom;

beforeAll(async () => {
  h = await startHarness();
  desk = await newsroom(h);
});
afterAll(() => h.close());

const SOURCES = [
  { url: 'https://stats.example.org/labour', title: 'Labour market statistics', kind: 'primary' },
  { url: 'https://stats.example.org/revised', title: 'Revised series', kind: 'secondary' },
];

describe('corrections of anything readers see', () => {
  it('corrects analysis and sources: the log names them, the version is the editor’s', async () => {
    const { claimId, slug } = await desk.publish();
    await desk.correct(claimId, {
      note: 'The revised series was added.',
      analysis: '## What the data says\nThe revised series shows a **larger** rise.',
      sources: SOURCES,
    });
    const detail = (await h.request({ url: `/api/claims/${claimId}`, cookie: desk.editor.cookie })).json();
    expect(detail.factCheck.corrections).toEqual([
      expect.objectContaining({ kind: 'correction', fields: ['analysis', 'sources'], version: 2 }),
    ]);
    // The verdict's author stays the reviewer; the corrected version is the editor's.
    expect(detail.verdict.author.id).toBe(desk.reviewer.user.id);
    expect(detail.verdict.versionBy.name).not.toBe(detail.verdict.author.name);
    expect(detail.verdict.versionKind).toBe('correction');

    const page = (await h.request({ url: `/fact-checks/${slug}` })).body;
    expect(page).toContain('<strong>Corrected the analysis and sources</strong>: The revised series was added.');
    expect(page).toContain('Revised series');
    expect(page).toContain('<strong>larger</strong>');

    const versions = (
      await h.request({ url: `/api/claims/${claimId}/verdict/versions`, cookie: desk.reviewer.cookie })
    ).json();
    expect(versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
      [1, 'save'],
      [2, 'correction'],
    ]);
    expect(versions[0].author.id).toBe(desk.reviewer.user.id);
    expect(versions[0].rating).toBe('False');
    expect(versions[1].content.sources).toHaveLength(2);
  });

  it('a note alone is a “Correction”; the rating alone is named', async () => {
    const { claimId, slug } = await desk.publish();
    await desk.correct(claimId, { note: 'Clarified who said it.' });
    const ratings = (await h.request({ url: '/api/ratings', cookie: desk.editor.cookie })).json();
    await desk.correct(claimId, {
      note: 'Rated again.',
      ratingId: ratings.find((r: { slug: string; active: boolean }) => r.slug !== 'false' && r.active).id,
    });
    const page = (await h.request({ url: `/fact-checks/${slug}` })).body;
    expect(page).toContain('<strong>Correction</strong>: Clarified who said it.');
    expect(page).toContain('<strong>Corrected the rating</strong>: Rated again.');
  });

  it('refuses a correction that would leave the verdict incomplete, and changes nothing', async () => {
    const { claimId, slug } = await desk.publish();
    const res = await h.request({
      method: 'POST',
      url: `/api/claims/${claimId}/correct`,
      cookie: desk.editor.cookie,
      body: { note: 'Removed the sources.', sources: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().problems).toContain('Add at least one source.');
    const page = (await h.request({ url: `/fact-checks/${slug}` })).body;
    expect(page).not.toContain('id="corrections"');
  });

  it('versions answer 404 for a claim without a verdict', async () => {
    const { id } = await h.data.claim({ text: 'Nobody checked this yet.' });
    const res = await h.request({ url: `/api/claims/${id}/verdict/versions`, cookie: desk.editor.cookie });
    expect(res.statusCode).toBe(404);
  });
});
