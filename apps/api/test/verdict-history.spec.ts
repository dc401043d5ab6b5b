import type { VerdictDto, VerdictVersionDto } from '@factdesk/domain';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let ratingId: string;

beforeAll(async () => {
  h = await startHarness();
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
  ratingId = (await h.data.ratings()).find((r) => r.slug === 'false')!.id;
});
afterAll(() => h.close());

async function ok<T>(method: string, url: string, cookie: string, body?: unknown): Promise<T> {
  const res = await h.request({ method, url, cookie, body });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

const content = (analysis: string) => ({
  ratingId,
  headline: 'Unemployment did not fall',
  conclusion: 'The official figures show a rise.',
  analysis,
  sources: [{ url: 'https://stats.example.org/labour', title: 'Labour market statistics', kind: 'primary' }],
});

/** A claim assigned to the reviewer, with version 1 of its verdict submitted. */
async function submitted(): Promise<string> {
  const { id } = await h.data.claim({ text: 'Unemployment fell by half last year.' });
  await ok('POST', `/api/claims/${id}/accept`, editor.cookie);
  await ok('PUT', `/api/claims/${id}/assignment`, editor.cookie, { assigneeId: reviewer.user.id });
  await ok('PUT', `/api/claims/${id}/verdict`, reviewer.cookie, {
    version: 0,
    ...content('The office reports a rise.'),
  });
  await ok('POST', `/api/claims/${id}/submit`, reviewer.cookie, { version: 1 });
  return id;
}

const versionsOf = (id: string, cookie = editor.cookie) =>
  ok<VerdictVersionDto[]>('GET', `/api/claims/${id}/verdict/versions`, cookie);

describe('verdict versions: what was sent back, and by whom each version was made', () => {
  it('names the version the editor sent back, with the comment, and not the reworked one', async () => {
    const id = await submitted();
    await ok('POST', `/api/claims/${id}/request-changes`, editor.cookie, { comment: 'Say which office.' });
    await ok('PUT', `/api/claims/${id}/verdict`, reviewer.cookie, {
      version: 1,
      ...content('The national statistics office reports a rise.'),
    });
    await ok('POST', `/api/claims/${id}/submit`, reviewer.cookie, { version: 2 });

    const versions = await versionsOf(id, reviewer.cookie);
    expect(versions.map((v) => [v.version, v.author.id, v.sentBack.length])).toEqual([
      [1, reviewer.user.id, 1],
      [2, reviewer.user.id, 0],
    ]);
    expect(versions[0].sentBack[0]).toEqual({
      by: { id: editor.user.id, name: editor.user.name },
      at: expect.any(String),
      comment: 'Say which office.',
    });
    expect(versions[1].content.analysis).toBe('The national statistics office reports a rise.');
  });

  it('keeps every request for changes on the version it was about', async () => {
    const id = await submitted();
    await ok('POST', `/api/claims/${id}/request-changes`, editor.cookie, { comment: 'First.' });
    await ok('POST', `/api/claims/${id}/submit`, reviewer.cookie, { version: 1 });
    await ok('POST', `/api/claims/${id}/request-changes`, editor.cookie, { comment: 'Second.' });
    const [first] = await versionsOf(id);
    expect(first.sentBack.map((s) => s.comment)).toEqual(['First.', 'Second.']);
  });

  it('a first save that leaves fields out keeps them empty in its version', async () => {
    const { id } = await h.data.claim({ text: 'Rents doubled in ten years.' });
    await ok('POST', `/api/claims/${id}/accept`, editor.cookie);
    await ok('PUT', `/api/claims/${id}/assignment`, editor.cookie, { assigneeId: reviewer.user.id });
    await ok('PUT', `/api/claims/${id}/verdict`, reviewer.cookie, { version: 0, headline: 'Rents doubled' });
    const [first] = await versionsOf(id);
    expect(first.content).toEqual({
      ratingId: null,
      headline: 'Rents doubled',
      conclusion: '',
      analysis: '',
      sources: [],
    });
  });

  it('an editor’s copy-edit in review is the editor’s version; the verdict stays the reviewer’s', async () => {
    const id = await submitted();
    await ok('PUT', `/api/claims/${id}/verdict`, editor.cookie, {
      version: 1,
      ...content('The office reports a rise.'),
    });
    const verdict = await ok<VerdictDto>('GET', `/api/claims/${id}/verdict`, editor.cookie);
    expect(verdict.author.id).toBe(reviewer.user.id);
    expect(verdict.versionBy.id).toBe(editor.user.id);
    const versions = await versionsOf(id);
    expect(versions.map((v) => [v.version, v.author.id, v.kind])).toEqual([
      [1, reviewer.user.id, 'save'],
      [2, editor.user.id, 'save'],
    ]);
  });
});
