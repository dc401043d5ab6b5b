import { AuditEventEntity, DocumentSpeakerEntity, SpeakerEntity } from '@factdesk/persistence';
import {
  SPEAKER_ROLES,
  speakerAsks,
  type ClaimSummaryDto,
  type DocumentSpeakerDto,
  type Page,
  type SpeakerDto,
  type SpeakerRole,
} from '@factdesk/domain';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;

const list = async (query: string): Promise<ClaimSummaryDto[]> => {
  const res = await h.request({ url: `/api/claims?limit=100&${query}`, cookie: editor.cookie });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return (res.json() as Page<ClaimSummaryDto>).items;
};

let docs = 0;
/** A document of its own (documents are unique by content). */
const documentOf = (text: string) => h.data.document({ text: `${text}\n(${++docs})` }, { status: 'done' });

/** A document, a speaker in it with these facts, and one claim of theirs there. */
async function scene(
  facts: { detectedRole?: SpeakerRole | null; documentRole?: SpeakerRole | null; defaultRole?: SpeakerRole | null },
  name?: string,
) {
  const doc = await documentOf('MUIR: Welcome.');
  const speaker = await h.data.speaker(name);
  if (facts.defaultRole) await h.db.getRepository(SpeakerEntity).update(speaker.id, { defaultRole: facts.defaultRole });
  if (facts.detectedRole !== undefined || facts.documentRole !== undefined)
    await h.db.getRepository(DocumentSpeakerEntity).insert({
      documentId: doc.id,
      speakerId: speaker.id,
      detectedRole: facts.detectedRole ?? null,
      documentRole: facts.documentRole ?? null,
    });
  const claim = await h.data.claim({ speakerId: speaker.id, documentId: doc.id });
  return { doc, speaker, claim };
}

beforeAll(async () => {
  h = await startHarness();
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
});
afterAll(() => h.close());

describe('the inbox keeps asking lines out when told (askers=exclude), per role', () => {
  it.each(SPEAKER_ROLES)('a speaker detected as %s', async (role) => {
    const { claim } = await scene({ detectedRole: role });
    const asks = ['moderator', 'interviewer', 'questioner'].includes(role);
    const excluded = (await list('askers=exclude')).map((c) => c.id);
    const only = (await list('askers=only')).map((c) => c.id);
    const all = (await list('')).map((c) => c.id);
    expect(excluded.includes(claim.id)).toBe(!asks);
    expect(only.includes(claim.id)).toBe(asks);
    expect(all).toContain(claim.id);
  });

  it('keeps claims without a speaker or a document role (a participant)', async () => {
    const bare = await h.data.claim();
    const { claim } = await scene({});
    const excluded = (await list('askers=exclude')).map((c) => c.id);
    expect(excluded).toEqual(expect.arrayContaining([bare.id, claim.id]));
  });

  it('agrees with speakerRoleIn for every mix of document, always and detected roles', async () => {
    const options: (SpeakerRole | null)[] = [null, 'moderator', 'participant'];
    const cases = options.flatMap((documentRole) =>
      options.flatMap((defaultRole) => options.map((detectedRole) => ({ documentRole, defaultRole, detectedRole }))),
    );
    const made = [];
    for (const facts of cases) made.push({ facts, ...(await scene(facts)) });
    const excluded = new Set((await list('askers=exclude')).map((c) => c.id));
    for (const { facts, claim } of made) expect([facts, excluded.has(claim.id)]).toEqual([facts, !speakerAsks(facts)]);
  });

  it('refuses an unknown filter value with 400', async () => {
    const res = await h.request({ url: '/api/claims?askers=some', cookie: editor.cookie });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields?.[0]?.field ?? res.body).toMatch(/askers/);
  });
});

describe("an editor's word on a speaker's part in a document", () => {
  it('marks a speaker a moderator here: their lines leave the triage list, with an audit event', async () => {
    const { doc, speaker, claim } = await scene({ detectedRole: 'participant' }, 'Martha Raddatz');
    const res = await h.request({
      method: 'PUT',
      url: `/api/documents/${doc.id}/speakers/${speaker.id}`,
      cookie: editor.cookie,
      body: { role: 'moderator' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      speaker: { id: speaker.id, name: 'Martha Raddatz', kind: 'person' },
      detectedRole: 'participant',
      documentRole: 'moderator',
      role: 'moderator',
      asks: true,
      claimCount: 1,
    } satisfies Partial<DocumentSpeakerDto>);
    expect((await list('askers=exclude')).map((c) => c.id)).not.toContain(claim.id);
    const audit = await h.db.getRepository(AuditEventEntity).findOneByOrFail({
      action: 'speaker.document_role',
      entityId: speaker.id,
    });
    expect(audit.after).toEqual({ documentId: doc.id, role: 'moderator' });

    const listed = await h.request({ url: `/api/documents/${doc.id}/speakers`, cookie: reviewer.cookie });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([expect.objectContaining({ role: 'moderator', asks: true })]);

    const cleared = await h.request({
      method: 'PUT',
      url: `/api/documents/${doc.id}/speakers/${speaker.id}`,
      cookie: editor.cookie,
      body: { role: null },
    });
    expect(cleared.json()).toMatchObject({ documentRole: null, role: 'participant', asks: false });
  });

  it('refuses a reviewer (403), a bad role (400) and an unknown document (404)', async () => {
    const { doc, speaker } = await scene({ detectedRole: 'participant' });
    const put = (cookie: string, body: unknown, docId = doc.id) =>
      h.request({ method: 'PUT', url: `/api/documents/${docId}/speakers/${speaker.id}`, cookie, body });
    expect((await put(reviewer.cookie, { role: 'moderator' })).statusCode).toBe(403);
    expect((await put(editor.cookie, { role: 'chair' })).statusCode).toBe(400);
    expect((await put(editor.cookie, {})).statusCode).toBe(400);
    expect((await put(editor.cookie, { role: 'moderator' }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect(
      (await h.request({ url: '/api/documents/00000000-0000-4000-8000-000000000000/speakers', cookie: editor.cookie }))
        .statusCode,
    ).toBe(404);
  });

  it('"always a moderator" (defaultRole) keeps them out of every document unless a document says otherwise', async () => {
    const a = await scene({ detectedRole: 'participant' }, 'David Muir');
    const res = await h.request({
      method: 'PATCH',
      url: `/api/speakers/${a.speaker.id}`,
      cookie: editor.cookie,
      body: { defaultRole: 'moderator' },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as SpeakerDto).defaultRole).toBe('moderator');
    expect((await list('askers=exclude')).map((c) => c.id)).not.toContain(a.claim.id);
    const bad = await h.request({
      method: 'PATCH',
      url: `/api/speakers/${a.speaker.id}`,
      cookie: editor.cookie,
      body: { defaultRole: 'boss' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('speakers as people', () => {
  it('a rename keeps the old label as an alias', async () => {
    const speaker = await h.data.speaker('KASICH');
    const res = await h.request({
      method: 'PATCH',
      url: `/api/speakers/${speaker.id}`,
      cookie: editor.cookie,
      body: { name: 'John Kasich' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'John Kasich', aliases: ['KASICH'] });
    // As the Speakers screen saves: the name with the aliases as listed, which the old name joins.
    const again = await h.request({
      method: 'PATCH',
      url: `/api/speakers/${speaker.id}`,
      cookie: editor.cookie,
      body: { name: 'Gov. John Kasich', aliases: ['KASICH', 'Kasich'] },
    });
    expect(again.json()).toMatchObject({ aliases: ['KASICH', 'Kasich', 'John Kasich'] });
  });

  it('a hand-entered "Marco Rubio" and a detected "RUBIO" merge: claims and document roles follow, names kept', async () => {
    const detected = await scene({ detectedRole: 'participant' }, 'RUBIO');
    const typed = await h.data.speaker('Marco Rubio');
    const res = await h.request({
      method: 'POST',
      url: `/api/speakers/${detected.speaker.id}/merge`,
      cookie: editor.cookie,
      body: { intoId: typed.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: typed.id, name: 'Marco Rubio', aliases: ['RUBIO'], claimCount: 1 });
    const roles = await h.request({ url: `/api/documents/${detected.doc.id}/speakers`, cookie: editor.cookie });
    expect(roles.json()).toEqual([
      expect.objectContaining({ speaker: expect.objectContaining({ id: typed.id }), detectedRole: 'participant' }),
    ]);
  });

  it('a reviewer may neither rename nor merge (403)', async () => {
    const a = await h.data.speaker();
    const b = await h.data.speaker();
    const rename = await h.request({
      method: 'PATCH',
      url: `/api/speakers/${a.id}`,
      cookie: reviewer.cookie,
      body: { name: 'Someone Else' },
    });
    const merge = await h.request({
      method: 'POST',
      url: `/api/speakers/${a.id}/merge`,
      cookie: reviewer.cookie,
      body: { intoId: b.id },
    });
    expect([rename.statusCode, merge.statusCode]).toEqual([403, 403]);
  });
});

describe('"Enter a claim" from a selected sentence', () => {
  const text = 'SANDERS: We spend more per capita than any other nation. MUIR: Thank you.';
  const start = text.indexOf('We spend');
  const end = text.indexOf(' MUIR');

  it('keeps its document, offsets and speaker', async () => {
    const doc = await documentOf(text);
    const sanders = await h.data.speaker('Bernie Sanders', { aliases: ['SANDERS'] });
    const res = await h.request({
      method: 'POST',
      url: '/api/claims',
      cookie: editor.cookie,
      body: {
        text: text.slice(start, end),
        speakerId: sanders.id,
        documentId: doc.id,
        startOffset: start,
        endOffset: end,
      },
    });
    expect(res.statusCode).toBe(201);
    const detail = await h.request({ url: `/api/claims/${res.json().id}`, cookie: editor.cookie });
    expect(detail.json()).toMatchObject({
      speaker: { id: sanders.id, name: 'Bernie Sanders' },
      document: { id: doc.id },
    });
    const [row] = await h.db.query('SELECT document_id, start_offset, end_offset FROM claims WHERE id = $1', [
      res.json().id,
    ]);
    expect(row).toEqual({ document_id: doc.id, start_offset: start, end_offset: end });
  });

  it.each([
    ['offsets without a document', { startOffset: 0, endOffset: 5 }, 'documentId'],
    ['an end before the start', { startOffset: 9, endOffset: 4, useDoc: true }, 'endOffset'],
    ['an end past the text', { startOffset: 0, endOffset: 10_000, useDoc: true }, 'endOffset'],
    ['one offset alone', { startOffset: 3, useDoc: true }, 'endOffset'],
    ['an unknown document', { documentId: '00000000-0000-4000-8000-000000000000' }, 'documentId'],
  ])('refuses %s with 400 naming the field', async (_, input, field) => {
    const { useDoc, ...rest } = input as Record<string, unknown>;
    const doc = useDoc ? await documentOf(text) : null;
    const res = await h.request({
      method: 'POST',
      url: '/api/claims',
      cookie: editor.cookie,
      body: { text: 'We spend more per capita.', ...(doc ? { documentId: doc.id } : {}), ...rest },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
  });
});
