import type { Harness } from './harness.js';

/** Publishing over HTTP as the newsroom does it (see journey.spec.ts), for tests of what readers see. */
export interface Newsroom {
  editor: { cookie: string };
  reviewer: { cookie: string; user: { id: string } };
  /** A claim taken through the desk to an approved verdict, not published yet. */
  approve(input?: Partial<ClaimInput>): Promise<string>;
  publish(input?: Partial<ClaimInput>): Promise<{ claimId: string; id: string; slug: string }>;
  correct(claimId: string, body: Record<string, unknown>): Promise<void>;
  retract(claimId: string, note: string): Promise<void>;
}

export interface ClaimInput {
  text: string;
  speaker: string;
  speakerSameAs: string[];
  speakerKind: 'person' | 'organisation';
  rating: string;
  headline: string;
  conclusion: string;
  analysis: string;
  saidAt: Date | null;
  /** Where it was said. */
  documentUrl: string | null;
  /** The document it was said in (its provenance is the claim's unless the claim has its own). */
  documentId?: string | null;
}

let counter = 0;

export async function newsroom(h: Harness): Promise<Newsroom> {
  const ratings = await h.data.ratings();
  const editor = await h.signIn('editor');
  const reviewer = await h.signIn('reviewer');
  const ok = async (method: string, url: string, cookie: string, body?: unknown) => {
    const res = await h.request({ method, url, cookie, body });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const desk: Newsroom = {
    editor,
    reviewer,
    async approve(input = {}) {
      counter += 1;
      const c: ClaimInput = {
        text: `Unemployment fell by ${counter} percent last year.`,
        speaker: 'Jane Minister',
        speakerSameAs: ['https://www.wikidata.org/wiki/Q42'],
        speakerKind: 'person',
        rating: 'false',
        headline: `Unemployment did not fall by ${counter} percent`,
        conclusion: 'The official figures show a rise.',
        analysis: '## What the data says\nThe statistics office reports a **rise**.',
        saidAt: new Date('2030-03-01T10:00:00Z'),
        documentUrl: 'https://news.example.org/interview',
        ...input,
      };
      const speaker = await h.data.speaker(c.speaker, { kind: c.speakerKind, sameAs: c.speakerSameAs });
      const { id: claimId } = await h.data.claim({
        text: c.text,
        speakerId: speaker.id,
        saidAt: c.saidAt,
        saidWhereUrl: c.documentUrl,
        documentId: c.documentId ?? null,
      });
      const url = `/api/claims/${claimId}`;
      const ratingId = ratings.find((r) => r.slug === c.rating)!.id;
      await ok('POST', `${url}/accept`, editor.cookie);
      await ok('PUT', `${url}/assignment`, editor.cookie, { assigneeId: reviewer.user.id });
      await ok('PUT', `${url}/verdict`, reviewer.cookie, {
        version: 0,
        ratingId,
        headline: c.headline,
        conclusion: c.conclusion,
        analysis: c.analysis,
        sources: [
          {
            url: 'https://stats.example.org/labour',
            title: 'Labour market statistics',
            publisher: 'Statistics Office',
            kind: 'primary',
            quote: 'Unemployment rose to 5.1%',
          },
        ],
      });
      await ok('POST', `${url}/submit`, reviewer.cookie);
      await ok('POST', `${url}/approve`, editor.cookie);
      return claimId;
    },
    async publish(input = {}) {
      const claimId = await desk.approve(input);
      const fc = await ok('POST', `/api/claims/${claimId}/publish`, editor.cookie);
      return { claimId, id: fc.id, slug: fc.slug };
    },
    async correct(claimId, body) {
      await ok('POST', `/api/claims/${claimId}/correct`, editor.cookie, body);
    },
    async retract(claimId, note) {
      await ok('POST', `/api/claims/${claimId}/retract`, editor.cookie, { note });
    },
  };
  return desk;
}
