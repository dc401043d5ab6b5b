import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLAIM_TYPES } from '@factdesk/domain';
import { detectClaims, scoreSentences } from './detect.js';
import type { CheckworthinessScorer } from './scorer.js';
import type { DetectionResult } from './types.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');
const MINSK = fixture('lavrov-minsk-2022-06-30.txt');
const MEMRI = fixture('memri-6998-lavrov-belarus-interview-2017.txt');

describe('detectClaims on the sample documents', () => {
  let results: Record<'MINSK' | 'MEMRI', DetectionResult>;
  beforeAll(async () => {
    results = { MINSK: await detectClaims(MINSK), MEMRI: await detectClaims(MEMRI) };
  });
  const texts = { MINSK, MEMRI };
  const get = (doc: keyof typeof results, prefix: string) => {
    const s = results[doc].sentences.find((x) => x.text.startsWith(prefix));
    if (!s) throw new Error(`no sentence starting with ${prefix}`);
    return s;
  };

  it.each(['MINSK', 'MEMRI'] as const)('%s: offsets are verbatim, fields well-formed', (doc) => {
    const text = texts[doc];
    const names = new Set(results[doc].speakers.map((s) => s.name));
    for (const s of results[doc].sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(CLAIM_TYPES).toContain(s.type);
      if (s.speaker !== null) expect(names.has(s.speaker)).toBe(true);
      for (const e of s.entities) expect(s.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('flags statistics and concrete events, not rhetoric or questions', () => {
    for (const prefix of [
      'According to our estimates, 40 percent',
      'They carried out a 360-degree review of the 28 Union State programmes',
      'In the late 1990s and in 2010, all members',
    ]) {
      expect(get('MINSK', prefix).checkworthy).toBe(true);
    }
    for (const prefix of [
      'Defensive from whom?',
      'These statements and logic are obviously absurd.',
      'So let us hear what the West has to offer.',
      'Is the West beginning',
    ]) {
      expect(get('MINSK', prefix).checkworthy).toBe(false);
    }
    expect(get('MEMRI', 'In July 2016, Russia submitted a proposal').checkworthy).toBe(true);
    expect(get('MEMRI', 'Now about 50 states are interested').checkworthy).toBe(true);
    expect(get('MEMRI', 'How does Moscow react').checkworthy).toBe(false);
  });

  it('scores the statistic above the rhetorical question', () => {
    expect(get('MINSK', 'According to our estimates').score).toBeGreaterThan(
      get('MINSK', 'Defensive from whom?').score + 0.5,
    );
  });

  it('types and explains a statistic', () => {
    const s = get('MINSK', 'According to our estimates, 40 percent');
    expect(s.type).toBe('quantity');
    expect(s.reasons.some((r) => /number|statistic|amounts/.test(r))).toBe(true);
    expect(s.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'number', text: '40 percent' })]),
    );
  });

  it('finds people, organisations, places and dates', () => {
    const s = get('MEMRI', 'One year ago, the President of Russia Vladimir Putin');
    const kinds = (k: string) => s.entities.filter((e) => e.kind === k).map((e) => e.text);
    expect(kinds('person')).toEqual(expect.arrayContaining(['Vladimir Putin']));
    expect(kinds('place')).toEqual(expect.arrayContaining(['Russia', 'Finland']));
    expect(kinds('date')).toEqual(expect.arrayContaining(['One year ago']));
    const osce = get('MINSK', 'In the late 1990s and in 2010');
    expect(osce.entities.filter((e) => e.kind === 'organisation').map((e) => e.text)).toContain(
      'Organisation for Security and Cooperation in Europe',
    );
  });

  it('does not take capitalised words of a title-case heading for names', () => {
    const h = get('MEMRI', 'We Never Asked Belarus To Choose');
    expect(h.entities.map((e) => [e.kind, e.text])).toEqual([
      ['place', 'Belarus'],
      ['place', 'Russia'],
    ]);
  });

  it('carries speakers and metadata through', () => {
    expect(results.MEMRI.metadata.outlet).toBe('MEMRI');
    expect(get('MEMRI', 'During the interview, Lavrov stressed').speaker).toBe('MEMRI');
    expect(get('MEMRI', 'This year, the EU lifted').speaker).toBe('Interviewer');
    expect(get('MINSK', 'We agreed to harmonise laws').speaker).toBe('Sergey Lavrov');
  });

  it('respects the threshold option', async () => {
    const none = await detectClaims(MINSK, { threshold: 1.01 });
    expect(none.sentences.some((s) => s.checkworthy)).toBe(false);
    const all = await detectClaims(MINSK, { threshold: 0 });
    expect(all.sentences.every((s) => s.checkworthy)).toBe(true);
  });
});

describe('scoreSentences', () => {
  it('scores standalone sentences in order with types', async () => {
    const [stat, courtesy, question] = await scoreSentences([
      'Unemployment fell from 10 percent to 4.7 percent between 2009 and 2016.',
      'Thank you very much, it is a pleasure to be here tonight.',
      'What would you do about it?',
    ]);
    expect(stat.checkworthy).toBe(true);
    expect(stat.type).toBe('quantity');
    expect(courtesy.checkworthy).toBe(false);
    expect(question.checkworthy).toBe(false);
    expect(stat.score).toBeGreaterThan(courtesy.score);
  });

  it('explains scores with readable, signed reasons', async () => {
    const doc = await detectClaims(
      'Q: Is the West beginning to wake up to this fact?\nA: Unemployment fell to 4.7 percent in 2016.',
    );
    const [q, a] = doc.sentences;
    // The strongest reason is the asking: the line's form or its speaker's part (a questioner's line).
    expect(q.reasons[0]).toMatch(/question.*\(lowers score\)$/);
    expect(a.reasons).toContain('contains a statistic: “4.7 percent”');
    expect(a.reasons.every((r) => !r.endsWith('(lowers score)') || !/statistic|number/.test(r))).toBe(true);
    expect(a.reasons.length).toBeLessThanOrEqual(3);
  });

  it('accepts a replacement scorer behind the interface', async () => {
    const constant: CheckworthinessScorer = {
      name: 'constant',
      threshold: 0.5,
      score: (input) => ({ score: input.text.includes('!') ? 0.9 : 0.1, contributions: [] }),
    };
    expect((await scoreSentences(['Yes!', 'No.'], { scorer: constant })).map((s) => s.checkworthy)).toEqual([
      true,
      false,
    ]);
    const doc = await detectClaims('Q: Really?\nA: Yes! It is.', { scorer: constant });
    expect(doc.sentences.map((s) => [s.text, s.score])).toEqual([
      ['Really?', 0.1],
      ['Yes!', 0.9],
      ['It is.', 0.1],
    ]);
  });
});
