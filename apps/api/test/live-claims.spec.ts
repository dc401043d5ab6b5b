import type { ClaimEventDto } from '@factdesk/domain';
import { startHarness, type Harness } from './harness.js';

// Live screens: a change to a claim reaches every signed-in stream as a `claim` event, sent on commit
// from the audit event the change wrote — on the real API, PostgreSQL and Redis.
let h: Harness;
let base: string;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness();
  base = await h.listen();
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
});
afterAll(() => h.close());

/** A person's event stream, collecting its `claim` events. */
async function claimEvents(who: { cookie: string }) {
  const abort = new AbortController();
  const stream = await fetch(`${base}/api/events`, { headers: { cookie: who.cookie }, signal: abort.signal });
  expect(stream.status).toBe(200);
  const reader = stream.body!.getReader();
  const events: ClaimEventDto[] = [];
  let buffered = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += Buffer.from(value).toString();
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!/^event: claim$/m.test(message)) continue;
        const data = message.match(/^data: (.*)$/m)![1];
        events.push(JSON.parse(data) as ClaimEventDto);
      }
    }
  })().catch(() => undefined);
  return {
    events,
    /** Waits until an event matching `match` arrives. */
    async next(match: (e: ClaimEventDto) => boolean, timeoutMs = 5_000) {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        const found = events.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no matching claim event; got ${JSON.stringify(events)}`);
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}

describe('claim changes on the event stream', () => {
  it('tells the editor, on commit, that a reviewer submitted, with the action and who; nothing of a refused change', async () => {
    const claim = await h.data.claim({ text: 'Exports doubled in ten years.' });
    const stream = await claimEvents(editor);
    try {
      const url = `/api/claims/${claim.id}`;
      // The database's listener is set up as the API starts; the first change may race it, so accept
      // until one arrives, then measure the next.
      expect((await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie })).statusCode).toBe(200);
      await stream.next((e) => e.claimId === claim.id && e.action === 'claim.accept');

      // Refused (the claim is not theirs): no audit event, so no event.
      const refused = await h.request({ method: 'POST', url: `${url}/start`, cookie: reviewer.cookie });
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      const assigned = await h.request({
        method: 'PUT',
        url: `${url}/assignment`,
        cookie: editor.cookie,
        body: { assigneeId: reviewer.user.id },
      });
      expect(assigned.statusCode).toBe(200);
      await stream.next((e) => e.claimId === claim.id && e.action.startsWith('assignment.'));
      expect(stream.events.filter((e) => e.claimId === claim.id).map((e) => e.action)).not.toContain('claim.start');

      const started = await h.request({ method: 'POST', url: `${url}/start`, cookie: reviewer.cookie });
      expect(started.statusCode).toBe(200);
      const event = await stream.next((e) => e.claimId === claim.id && e.action === 'claim.start');
      expect(event).toEqual({ type: 'claim', claimId: claim.id, action: 'claim.start', actorId: reviewer.user.id });
    } finally {
      await stream.close();
    }
  });

  it('carries a comment and a verdict save, which name the claim through their audit events', async () => {
    const claim = await h.data.claim({ text: 'The river is 400 km long.' });
    const stream = await claimEvents(reviewer);
    try {
      const url = `/api/claims/${claim.id}`;
      await h.request({ method: 'POST', url: `${url}/accept`, cookie: editor.cookie });
      await stream.next((e) => e.claimId === claim.id);
      const commented = await h.request({
        method: 'POST',
        url: `${url}/comments`,
        cookie: editor.cookie,
        body: { body: 'Check the atlas.' },
      });
      expect(commented.statusCode).toBe(201);
      const event = await stream.next((e) => e.claimId === claim.id && e.action === 'comment.create');
      expect(event.actorId).toBe(editor.user.id);
    } finally {
      await stream.close();
    }
  });
});
