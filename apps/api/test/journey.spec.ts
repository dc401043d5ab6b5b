import { ClaimEntity, SpeakerEntity } from '@factdesk/persistence';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let otherReviewer: Awaited<ReturnType<Harness['signIn']>>;
let ratingId: string;

beforeAll(async () => {
  h = await startHarness();
  ratingId = (await h.data.ratings()).find((r) => r.slug === 'mostly-true')!.id;
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
  otherReviewer = await h.signIn('reviewer');
});
afterAll(() => h.close());

async function detectedClaim(text: string): Promise<ClaimEntity> {
  const speaker = await h.data.speaker('Sergey Lavrov', { aliases: ['Lavrov'] });
  return h.data.claim({ text, speakerId: speaker.id, reasons: ['contains a statistic'] });
}

const sources = [
  {
    url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
    title: 'Enlargement',
    publisher: 'NATO',
    kind: 'primary' as const,
    quote: 'NATO has grown from 12 to 32 members',
  },
  {
    url: 'https://www.britannica.com/topic/North-Atlantic-Treaty-Organization',
    title: 'NATO',
    publisher: 'Britannica',
    kind: 'secondary' as const,
  },
];

describe('from claim to published fact-check', () => {
  it('goes through the whole journey over HTTP, each step by the right person', async () => {
    const claim = await detectedClaim('NATO carried out five expansion waves.');
    const url = `/api/claims/${claim.id}`;
    const as = (who: { cookie: string }) => (method: string, path: string, body?: unknown) =>
      h.request({ method, url: `${url}${path}`, cookie: who.cookie, body });
    const ed = as(editor);
    const rev = as(reviewer);
    const other = as(otherReviewer);

    // Triage.
    expect((await rev('POST', '/accept')).statusCode).toBe(403);
    expect((await ed('POST', '/accept')).json().state).toBe('accepted');

    // Assignment, with a due date.
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const assigned = await ed('PUT', '/assignment', {
      assigneeId: reviewer.user.id,
      dueAt: due,
      note: 'Check the count of waves',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ assignee: { id: reviewer.user.id }, dueAt: due, state: 'active' });
    const mine = await h.request({ url: '/api/assignments?assignee=me', cookie: reviewer.cookie });
    expect(mine.json().map((a: { claimId: string }) => a.claimId)).toContain(claim.id);

    // Another reviewer cannot touch it.
    expect((await other('PUT', '/verdict', { version: 0, headline: 'x' })).statusCode).toBe(403);
    expect((await other('POST', '/submit')).statusCode).toBe(403);
    expect((await other('POST', '/comments', { body: 'hi' })).statusCode).toBe(403);

    // The reviewer drafts a verdict with two sources: the claim is now in progress.
    const draft = await rev('PUT', '/verdict', {
      version: 0,
      ratingId,
      headline: 'Five waves? Closer to nine',
      conclusion: 'NATO grew in more rounds than five.',
      analysis: '## Analysis\nCounting accession rounds…',
      sources,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: 1, state: 'draft', problems: [], rating: { id: ratingId } });
    expect(draft.json().sources).toHaveLength(2);
    expect((await ed('GET', '')).json().state).toBe('in_progress');

    // A reviewer sees no publish action and cannot publish or approve.
    expect((await rev('GET', '')).json().actions).toEqual(['submit']);
    expect((await rev('POST', '/approve')).statusCode).toBe(403);
    expect((await rev('POST', '/publish')).statusCode).toBe(403);

    // Submit → changes requested → revise → resubmit → approve → publish.
    expect((await rev('POST', '/submit')).statusCode).toBe(200);
    expect((await ed('POST', '/publish')).json().message).toBe(
      'This claim is in review, so it cannot be published: that needs a claim that is approved.',
    );
    const editorNotes = await h.request({ url: '/api/notifications?unread=true', cookie: editor.cookie });
    expect(editorNotes.json().items[0]).toMatchObject({ kind: 'submitted', claimId: claim.id });

    expect((await ed('POST', '/request-changes', {})).statusCode).toBe(400);
    expect((await ed('POST', '/request-changes', { comment: 'Cite the accession protocols.' })).json().state).toBe(
      'changes_requested',
    );
    const reviewerNotes = await h.request({ url: '/api/notifications?unread=true', cookie: reviewer.cookie });
    expect(reviewerNotes.json().items.map((n: { kind: string }) => n.kind)).toEqual(['changes_requested', 'assigned']);

    const revised = await rev('PUT', '/verdict', {
      version: 1,
      conclusion: 'NATO grew in nine rounds of accession, not five.',
    });
    expect(revised.json()).toMatchObject({
      version: 2,
      conclusion: 'NATO grew in nine rounds of accession, not five.',
    });
    expect((await rev('POST', '/submit')).statusCode).toBe(200);
    const approved = await ed('POST', '/approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', approvedBy: { id: editor.user.id } });

    const published = await ed('POST', '/publish');
    expect(published.statusCode).toBe(200);
    const factCheck = published.json();
    expect(factCheck.slug).toMatch(/^five-waves-closer-to-nine-[0-9a-f]{8}$/);
    expect(factCheck).toMatchObject({ state: 'published', currentVersion: 1, corrections: [] });
    expect(
      (await h.request({ url: '/api/assignments?assignee=me', cookie: reviewer.cookie }))
        .json()
        .map((a: { claimId: string }) => a.claimId),
    ).not.toContain(claim.id);

    // Correct: a new public version with a note; the first stays readable by staff.
    expect((await ed('POST', '/correct', {})).statusCode).toBe(400);
    const corrected = await ed('POST', '/correct', {
      note: 'We first misstated the number of members.',
      conclusion: 'NATO grew from 12 to 32 members in ten rounds.',
    });
    expect(corrected.json()).toMatchObject({ state: 'corrected', currentVersion: 2, slug: factCheck.slug });
    expect(corrected.json().corrections).toMatchObject([
      { kind: 'correction', note: 'We first misstated the number of members.', version: 2 },
    ]);
    const versions = (
      await h.request({ url: `/api/fact-checks/${factCheck.id}/versions`, cookie: reviewer.cookie })
    ).json();
    expect(versions.map((v: { snapshot: { conclusion: string } }) => v.snapshot.conclusion)).toEqual([
      'NATO grew in nine rounds of accession, not five.',
      'NATO grew from 12 to 32 members in ten rounds.',
    ]);
    expect(versions[0].snapshot).toMatchObject({
      speaker: { name: 'Sergey Lavrov' },
      rating: { slug: 'mostly-true', value: 5 },
      headline: 'Five waves? Closer to nine',
    });

    // Retract: the fact-check stays, with its note.
    const retracted = await ed('POST', '/retract', { note: 'The claim was misattributed.' });
    expect(retracted.json()).toMatchObject({ state: 'retracted' });
    expect(retracted.json().retractedAt).not.toBeNull();
    expect((await ed('POST', '/correct', { note: 'too late' })).statusCode).toBe(409);

    // The history tells the whole story, in order, with who did what.
    const history = (await ed('GET', '/history')).json() as { action: string; actor: { id: string } }[];
    expect(history.map((e) => e.action)).toEqual([
      'claim.accept',
      'assignment.create',
      'claim.assign',
      'verdict.create',
      'claim.start',
      'claim.submit',
      'comment.create',
      'claim.request_changes',
      'verdict.save',
      'claim.start',
      'claim.submit',
      'claim.approve',
      'fact_check.publish',
      'claim.publish',
      'fact_check.correct',
      'claim.correct',
      'fact_check.retract',
      'claim.retract',
    ]);
    expect(history.find((e) => e.action === 'claim.approve')!.actor.id).toBe(editor.user.id);
    expect(history.find((e) => e.action === 'verdict.create')!.actor.id).toBe(reviewer.user.id);
  });

  it('refuses submission and approval of an incomplete verdict, saying what is missing', async () => {
    const claim = await detectedClaim('Trade grew by 40 percent.');
    const url = `/api/claims/${claim.id}`;
    await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
    await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    await h.request({
      method: 'PUT',
      url: `${url}/verdict`,
      cookie: reviewer.cookie,
      body: { version: 0, headline: 'Trade', sources: [{ url: 'https://example.org/a', kind: 'secondary' }] },
    });
    const submitted = await h.request({ method: 'POST', url: `${url}/submit`, cookie: reviewer.cookie });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().problems).toEqual([
      'Choose a rating.',
      'Write a conclusion.',
      'Mark at least one source as primary (the original document, data or statement).',
    ]);
    expect((await h.request({ url, cookie: editor.cookie })).json().state).toBe('in_progress');

    // Completed and submitted; an editor's copy-edit in review then empties the conclusion.
    const complete = { ratingId, conclusion: 'Trade grew by 12 percent.', sources };
    await h.request({
      method: 'PUT',
      url: `${url}/verdict`,
      cookie: reviewer.cookie,
      body: { version: 1, ...complete },
    });
    expect((await h.request({ method: 'POST', url: `${url}/submit`, cookie: reviewer.cookie })).statusCode).toBe(200);
    await h.request({
      method: 'PUT',
      url: `${url}/verdict`,
      cookie: editor.cookie,
      body: { version: 2, conclusion: '' },
    });
    const res = await h.request({ method: 'POST', url: `${url}/approve`, cookie: editor.cookie });
    expect(res.statusCode).toBe(409);
    expect(res.json().problems).toEqual(['Write a conclusion.']);
    expect((await h.request({ url, cookie: editor.cookie })).json().state).toBe('in_review');
  });

  it('keeps every assignment when a claim is reassigned, and tells both people', async () => {
    const claim = await detectedClaim('Exports doubled in 2021.');
    const url = `/api/claims/${claim.id}`;
    await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
    await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    const re = await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: otherReviewer.user.id, note: 'Rita is away' },
    });
    expect(re.json().assignee.id).toBe(otherReviewer.user.id);
    const detail = (await h.request({ url, cookie: editor.cookie })).json();
    expect(
      detail.assignments.map((a: { state: string; assignee: { id: string } }) => [a.state, a.assignee.id]),
    ).toEqual([
      ['active', otherReviewer.user.id],
      ['reassigned', reviewer.user.id],
    ]);
    const notes = (await h.request({ url: '/api/notifications', cookie: reviewer.cookie }))
      .json()
      .items.filter((n: { claimId: string }) => n.claimId === claim.id);
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['unassigned', 'assigned']);
    const unassigned = await h.request({ method: 'DELETE', url: `${url}/assignment`, cookie: editor.cookie });
    expect(unassigned.statusCode).toBe(204);
    expect((await h.request({ url, cookie: editor.cookie })).json()).toMatchObject({
      state: 'accepted',
      assignee: null,
    });
  });

  it('lets an editor enter a claim by hand and correct its text, keeping the original in history', async () => {
    const created = await h.request({
      method: 'POST',
      url: '/api/claims',
      cookie: editor.cookie,
      body: {
        text: 'Inflation is 2 percent.',
        speakerName: 'lavrov',
        saidWhereUrl: 'https://tv.example/clip',
        saidAt: '2026-11-20',
      },
    });
    expect(created.statusCode).toBe(201);
    // "lavrov" is an alias of the existing speaker.
    expect(created.json()).toMatchObject({
      state: 'accepted',
      speaker: { name: 'Sergey Lavrov' },
      saidWhereUrl: 'https://tv.example/clip',
    });
    const id = created.json().id;
    const edited = await h.request({
      method: 'PATCH',
      url: `/api/claims/${id}`,
      cookie: editor.cookie,
      body: { text: 'Inflation is 2.5 percent.', claimType: 'quantity' },
    });
    expect(edited.json()).toMatchObject({ text: 'Inflation is 2.5 percent.', claimType: 'quantity' });
    const history = (await h.request({ url: `/api/claims/${id}/history`, cookie: editor.cookie })).json();
    expect(history[1]).toMatchObject({
      action: 'claim.edit',
      before: { text: 'Inflation is 2 percent.' },
      after: { text: 'Inflation is 2.5 percent.' },
    });
    expect(
      (await h.request({ method: 'PATCH', url: `/api/claims/${id}`, cookie: reviewer.cookie, body: { text: 'x' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('claims entered and edited by hand', () => {
  it('refuses a questioner label as the speaker, and edits to a published claim (409), changing nothing', async () => {
    const before = await h.db.getRepository(ClaimEntity).count();
    for (const speakerName of ['CORRESPONDENT', 'Moderator', 'Audience member']) {
      const refused = await h.request({
        method: 'POST',
        url: '/api/claims',
        cookie: editor.cookie,
        body: { text: 'Wages rose by 7 percent.', speakerName },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([
        { field: 'speakerName', message: expect.stringMatching(/not a speaker/) },
      ]);
    }
    expect(await h.db.getRepository(ClaimEntity).count()).toBe(before);
    expect(await h.db.getRepository(SpeakerEntity).countBy({ name: 'CORRESPONDENT' })).toBe(0);

    const claim = await detectedClaim('Pensions rose by 4 percent.');
    await h.db.getRepository(ClaimEntity).update({ id: claim.id }, { state: 'published' });
    const edit = await h.request({
      method: 'PATCH',
      url: `/api/claims/${claim.id}`,
      cookie: editor.cookie,
      body: { text: 'Pensions rose by 5 percent.' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe(
      'A published claim is changed through a correction, so readers can see what changed.',
    );
    expect((await h.db.getRepository(ClaimEntity).findOneByOrFail({ id: claim.id })).text).toBe(
      'Pensions rose by 4 percent.',
    );
  });
});

describe('verdict saves carry the version they edited', () => {
  it('refuses a stale save with 409 and the current version, overwriting nothing', async () => {
    const claim = await detectedClaim('Unemployment fell to 3 percent.');
    const url = `/api/claims/${claim.id}`;
    await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
    await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    expect(
      (
        await h.request({
          method: 'PUT',
          url: `${url}/verdict`,
          cookie: reviewer.cookie,
          body: { version: 0, headline: 'First' },
        })
      ).json().version,
    ).toBe(1);

    const [a, b] = await Promise.all([
      h.request({
        method: 'PUT',
        url: `${url}/verdict`,
        cookie: reviewer.cookie,
        body: { version: 1, headline: 'Reviewer edit' },
      }),
      h.request({
        method: 'PUT',
        url: `${url}/verdict`,
        cookie: editor.cookie,
        body: { version: 1, headline: 'Editor edit' },
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().current).toMatchObject({ version: 2, headline: winner.json().headline });
    expect(loser.json().message).toMatch(/Nothing was overwritten/);
    expect((await h.request({ url: `${url}/verdict`, cookie: editor.cookie })).json()).toMatchObject({
      version: 2,
      headline: winner.json().headline,
    });

    const recreate = await h.request({
      method: 'PUT',
      url: `${url}/verdict`,
      cookie: reviewer.cookie,
      body: { version: 0, headline: 'Again' },
    });
    expect(recreate.statusCode).toBe(409);
  });

  it("two editors saving at the same moment, round after round: one wins, the other gets 409 and the winner's version, every accepted save in the history", async () => {
    const otherEditor = await h.signIn('editor');
    const claim = await detectedClaim('Wages rose by 8 percent.');
    const url = `/api/claims/${claim.id}`;
    await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
    await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    let version = 0;
    for (let round = 1; round <= 5; round += 1) {
      const answers = await Promise.all(
        [editor, otherEditor].map((who, i) =>
          h.request({
            method: 'PUT',
            url: `${url}/verdict`,
            cookie: who.cookie,
            body: { version, headline: `Round ${round} by editor ${i}` },
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const winner = answers.find((a) => a.statusCode === 200)!.json();
      const loser = answers.find((a) => a.statusCode === 409)!.json();
      version += 1;
      expect(winner.version).toBe(version);
      expect(loser.current).toMatchObject({ version, headline: winner.headline });
      expect((await h.request({ url: `${url}/verdict`, cookie: editor.cookie })).json()).toMatchObject({
        version,
        headline: winner.headline,
      });
    }
    // Nothing was overwritten unseen: each accepted save is in the history, one per round.
    const history = (await h.request({ url: `${url}/history`, cookie: editor.cookie })).json() as { action: string }[];
    expect(history.filter((e) => e.action === 'verdict.create' || e.action === 'verdict.save')).toHaveLength(5);
  });

  it('validates sources: web addresses only, known kinds', async () => {
    const claim = await detectedClaim('GDP rose by 5 percent.');
    const url = `/api/claims/${claim.id}`;
    await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
    await h.request({
      method: 'PUT',
      url: `${url}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    const res = await h.request({
      method: 'PUT',
      url: `${url}/verdict`,
      cookie: reviewer.cookie,
      body: { version: 0, sources: [{ url: 'javascript:alert(1)', kind: 'tertiary' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['sources.0.kind', 'sources.0.url']);
  });
});
