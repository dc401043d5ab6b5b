// npm start's demo fact-check: one sample claim taken through the desk over the API as a newsroom would
// (accept, assign, start, verdict with a source, submit, approve, publish), so the public page, the index,
// the speaker page and every feed have content on first run. Never in production; idempotent (a claim the
// desk already moved is left alone).

/** Signs in one demo user: their cookie and id, or null. */
async function signIn(base, email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) return null;
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const me = await (await fetch(`${base}/api/me`, { headers: { cookie } })).json();
  return { cookie, id: me.user.id };
}

function client(base, who) {
  return async (method, path, body) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { cookie: who.cookie, origin: base, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = res.status === 204 ? null : await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json?.message ?? ''}`);
    return json;
  };
}

/** Waits for the document's claims (the worker detects them in seconds). */
async function detected(api, documentId, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const doc = await api('GET', `/documents/${documentId}`);
    if (doc.status === 'done') return doc;
    if (doc.status === 'failed') throw new Error(`the sample document failed: ${doc.error}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the sample document was not processed in time (is the worker running?)');
}

/**
 * Publishes the demo fact-check of `sample` (its fixtures/samples.json entry, `demo`) from the document
 * `documentId`; answers what it did, in words.
 */
export async function publishDemo({ base, password, documentId, sample }) {
  if (process.env.NODE_ENV === 'production') return 'not in production';
  const demo = sample.demo;
  const editorUser = await signIn(base, 'editor@demo.factdesk', password);
  const reviewerUser = await signIn(base, 'reviewer@demo.factdesk', password);
  if (!editorUser || !reviewerUser) return 'skipped: the demo editor or reviewer could not sign in';
  const editor = client(base, editorUser);
  const reviewer = client(base, reviewerUser);

  const doc = await detected(editor, documentId);
  const claim = doc.claims.find((c) => c.text.includes(demo.claimContains));
  if (!claim) return `skipped: no claim with “${demo.claimContains}” was found`;
  if (claim.state !== 'detected') return `already there (the claim is ${claim.state.replace('_', ' ')})`;

  const path = `/claims/${claim.id}`;
  const ratings = await editor('GET', '/ratings');
  const rating = ratings.find((r) => r.slug === demo.rating) ?? ratings[0];
  await editor('POST', `${path}/accept`);
  // The claim's own moment in the recording: its document's provenance otherwise.
  await editor('PUT', `${path}/provenance`, { mediaStartSeconds: demo.mediaStartSeconds });
  await editor('PUT', `${path}/assignment`, { assigneeId: reviewerUser.id, note: 'Demo: publish this one.' });
  await reviewer('POST', `${path}/start`);
  const verdict = await reviewer('PUT', `${path}/verdict`, {
    version: 0,
    ratingId: rating.id,
    headline: demo.headline,
    conclusion: demo.conclusion,
    analysis: demo.analysis,
    sources: [demo.source],
  });
  await reviewer('POST', `${path}/submit`, { version: verdict.version });
  await editor('POST', `${path}/approve`, { version: verdict.version });
  const published = await editor('POST', `${path}/publish`);
  return `published at ${base}/fact-checks/${published.slug}`;
}
