import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

// Provenance (issue 18): taken at intake on the document, inherited by its claims, set per claim by editors,
// warned of at approval, and what readers see on the public page.

let h: Harness;
let desk: Newsroom;
let editor: { cookie: string };
beforeAll(async () => {
  h = await startHarness();
  desk = await newsroom(h);
  editor = desk.editor;
});
afterAll(() => h.close());

const PROVENANCE = {
  saidAt: '2022-06-30',
  venue: 'Press conference, Minsk',
  sourceUrl: 'https://mid.example/remarks/4186',
  mediaUrl: 'https://video.example/remarks.mp4',
  mediaStartSeconds: 60,
  appearedIn: 'Remarks after talks with Belarus',
};
let n = 0;
const submit = (body: Record<string, unknown>) =>
  h.request({
    method: 'POST',
    url: '/api/documents',
    cookie: editor.cookie,
    body: { text: `Exports grew by ${(n += 1)} percent, the minister said.`, title: '(excerpt)', ...body },
  });
/** A claim an editor marks in the document (the worker's claims inherit the same way). */
async function claimIn(documentId: string): Promise<string> {
  const res = await h.request({
    method: 'POST',
    url: '/api/claims',
    cookie: editor.cookie,
    body: { text: 'Exports grew, the minister said.', documentId, startOffset: 0, endOffset: 12 },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const put = (claimId: string, body: unknown, cookie = editor.cookie) =>
  h.request({ method: 'PUT', url: `/api/claims/${claimId}/provenance`, cookie, body });

describe('a document’s provenance', () => {
  it('is taken with a paste, and kept apart from the internal title', async () => {
    const res = await submit(PROVENANCE);
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toMatchObject({
      ...PROVENANCE,
      saidAt: '2022-06-30T00:00:00.000Z',
      title: '(excerpt)',
    });
    const detail = await h.request({ url: `/api/documents/${res.json().document.id}`, cookie: editor.cookie });
    expect(detail.json()).toMatchObject({ appearedIn: PROVENANCE.appearedIn, mediaStartSeconds: 60 });
  });

  it('is taken with an upload’s form fields (a start time as text)', async () => {
    const res = await h.upload(
      editor.cookie,
      {
        name: 'remarks.txt',
        bytes: Buffer.from('The minister said exports grew by 9 percent.'),
        contentType: 'text/plain',
      },
      'Upload',
      { venue: 'Studio 4', mediaUrl: 'https://tv.example/clip', mediaStartSeconds: '754', saidAt: '2022-07-01' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toMatchObject({ venue: 'Studio 4', mediaStartSeconds: 754 });
  });

  it.each<[string, Record<string, unknown>]>([
    ['mediaUrl', { mediaUrl: 'ftp://video.example/a.mp4' }],
    ['mediaUrl', { mediaUrl: 'javascript:alert(1)' }],
    ['sourceUrl', { sourceUrl: 'file:///etc/passwd' }],
    ['saidAt', { saidAt: '2022-02-30' }],
    ['saidAt', { saidAt: 'yesterday' }],
    ['mediaStartSeconds', { mediaUrl: 'https://tv.example/a', mediaStartSeconds: -1 }],
    ['mediaStartSeconds', { mediaUrl: 'https://tv.example/a', mediaStartSeconds: 1.5 }],
    ['mediaStartSeconds', { mediaStartSeconds: 10 }],
    ['venue', { venue: '   ' }],
  ])('refuses a bad %s (%j) with a 400 naming it', async (field, body) => {
    const res = await submit(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field })]);
  });
});

describe('a claim’s provenance', () => {
  let documentId: string;
  let claimId: string;
  beforeAll(async () => {
    documentId = (await submit(PROVENANCE)).json().document.id;
    claimId = await claimIn(documentId);
  });

  it('is its document’s until an editor sets its own', async () => {
    const detail = (await h.request({ url: `/api/claims/${claimId}`, cookie: editor.cookie })).json();
    expect(detail.provenance.effective).toEqual({ ...PROVENANCE, saidAt: '2022-06-30T00:00:00.000Z' });
    expect(detail.provenance.own).toEqual({
      saidAt: null,
      venue: null,
      sourceUrl: null,
      mediaUrl: null,
      mediaStartSeconds: null,
      appearedIn: null,
    });
    expect(detail.provenanceWarnings).toEqual([]);
  });

  it('an editor sets its own time in the recording and name; the rest stays inherited; the history says so', async () => {
    const res = await put(claimId, { mediaStartSeconds: 754, appearedIn: 'Talks with Belarus: the remarks' });
    expect(res.statusCode).toBe(200);
    expect(res.json().provenance.effective).toMatchObject({
      venue: PROVENANCE.venue,
      mediaUrl: PROVENANCE.mediaUrl,
      mediaStartSeconds: 754,
      appearedIn: 'Talks with Belarus: the remarks',
    });
    const event = res.json().history.find((e: { action: string }) => e.action === 'claim.provenance');
    expect(event).toMatchObject({
      before: { mediaStartSeconds: null, appearedIn: null },
      after: { mediaStartSeconds: 754, appearedIn: 'Talks with Belarus: the remarks' },
    });
  });

  it('null clears its own value: the document’s stands again', async () => {
    const res = await put(claimId, { appearedIn: null });
    expect(res.json().provenance.own.appearedIn).toBeNull();
    expect(res.json().provenance.effective.appearedIn).toBe(PROVENANCE.appearedIn);
    expect(res.json().provenance.own.mediaStartSeconds).toBe(754);
  });

  it.each<[string, Record<string, unknown>]>([
    ['mediaUrl', { mediaUrl: 'data:text/html,hi' }],
    ['sourceUrl', { sourceUrl: 'not a url' }],
    ['saidAt', { saidAt: '2022-13-01' }],
    ['mediaStartSeconds', { mediaStartSeconds: -5 }],
    ['mediaStartSeconds', { mediaStartSeconds: '12:34' }],
    ['appearedIn', { appearedIn: '' }],
  ])('refuses a bad %s (%j)', async (field, body) => {
    const res = await put(claimId, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field })]);
  });

  it('a time needs a recording: refused for a claim whose document has none', async () => {
    const bare = (await h.data.claim({})).id;
    const res = await put(bare, { mediaStartSeconds: 30 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ field: 'mediaStartSeconds' })]);
    expect((await put(bare, { mediaUrl: 'https://tv.example/clip', mediaStartSeconds: 30 })).statusCode).toBe(200);
  });

  it('is refused to reviewers (403) and for no such claim (404)', async () => {
    expect((await put(claimId, { venue: 'x' }, desk.reviewer.cookie)).statusCode).toBe(403);
    expect((await put('00000000-0000-4000-8000-000000000000', { venue: 'x' })).statusCode).toBe(404);
  });

  it('a claim with neither date nor appearance is warned of, not blocked', async () => {
    const claimId2 = await desk.approve({ saidAt: null, documentUrl: null });
    const detail = (await h.request({ url: `/api/claims/${claimId2}`, cookie: editor.cookie })).json();
    expect(detail.state).toBe('approved');
    expect(detail.provenanceWarnings).toEqual([
      expect.stringContaining('No date said'),
      expect.stringContaining('No appearance'),
    ]);
  });
});

describe('the published fact-check', () => {
  it('shows the claim’s date and place under its public name, lists every appearance, never the title', async () => {
    const documentId = (await submit(PROVENANCE)).json().document.id;
    const { claimId, slug } = await desk.publish({ documentId, saidAt: null, documentUrl: null });
    // A repeat of the claim, said elsewhere: the fact-check covers it too.
    const other = (
      await submit({ ...PROVENANCE, saidAt: '2022-07-04', venue: 'State TV', appearedIn: 'Evening news' })
    ).json().document.id;
    const repeat = await claimIn(other);
    const joined = await h.request({
      method: 'POST',
      url: `/api/claims/${repeat}/duplicate-of`,
      cookie: editor.cookie,
      body: { claimId },
    });
    expect(joined.statusCode).toBe(200);
    // Published provenance changes through a correction, like the text.
    expect((await put(claimId, { venue: 'Elsewhere' })).statusCode).toBe(409);
    await desk.correct(claimId, { note: 'Listed where else it was said.' });

    const page = (await h.request({ url: `/fact-checks/${slug}` })).body;
    expect(page).toContain('<time datetime="2022-06-30T00:00:00.000Z">30 Jun 2022</time>');
    expect(page).toContain('Press conference, Minsk');
    expect(page).toContain('>Remarks after talks with Belarus</a>');
    expect(page).toContain('Evening news');
    expect(page).toContain('State TV');
    expect(page).not.toContain('(excerpt)');
    const [review] = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]),
    );
    expect(review.itemReviewed.datePublished).toBe('2022-06-30T00:00:00.000Z');
    expect(review.itemReviewed.appearance).toHaveLength(2);
    expect(review.itemReviewed.appearance[0]).toMatchObject({
      url: PROVENANCE.sourceUrl,
      name: PROVENANCE.appearedIn,
      associatedMedia: { contentUrl: 'https://video.example/remarks.mp4#t=60' },
    });
  });
});
