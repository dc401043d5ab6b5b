import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectClaims } from './detect.js';
import { explain } from './reasons.js';
import type { DetectedSentence } from './types.js';
import { defaultScorer, prepare, type Contribution } from './scorer.js';

const out = (...contributions: Contribution[]) => ({ score: 0.5, contributions });

describe('explain', () => {
  it.each<[string, Contribution[], string[]]>([
    [
      'the strongest parts, signed, at most three',
      [
        { feature: 'statistic', weight: 1.2, words: ['40 percent'] },
        { feature: 'question', weight: -0.9 },
        { feature: 'law', weight: 0.5 },
        { feature: 'entity_place', weight: 0.3, words: ['Ohio'] },
      ],
      [
        'contains a statistic: “40 percent”',
        'phrased as a question (lowers score)',
        'refers to a law, rule or agreement',
      ],
    ],
    [
      'words pulling the same way are named together, each word once',
      [
        { feature: 'word', weight: 0.8, words: ['unemployment'] },
        { feature: 'word', weight: 0.6, words: ['unemployment', 'fell'] },
        { feature: 'word', weight: -0.5, words: ['think'] },
        { feature: 'word', weight: 0.4, words: ['percent'] },
      ],
      ['the words “unemployment”, “percent”', 'the words “think” (lowers score)'],
    ],
    [
      'one reason per family (numbers)',
      [
        { feature: 'digits', weight: 0.7, words: ['360'] },
        { feature: 'several_numbers', weight: 0.6, words: ['360'] },
      ],
      ['contains a number: “360”'],
    ],
    [
      'common features only when they pull hard; small parts and a mild overall phrasing never',
      [
        { feature: 'wording', weight: 0.9 },
        { feature: 'past', weight: 0.3 },
        { feature: 'negation', weight: -0.5 },
        { feature: 'law', weight: 0.05 },
      ],
      ['contains a denial or negation (lowers score)'],
    ],
    [
      "a moderator's line",
      [
        { feature: 'role', weight: -2, words: ['moderator'] },
        { feature: 'wording', weight: -1.6 },
      ],
      ["the moderator's line (lowers score)", 'phrased like talk rather than a claim (lowers score)'],
    ],
    [
      "the sentence vector's part, when it pulls hard",
      [
        { feature: 'meaning', weight: 0.8 },
        { feature: 'statistic', weight: 0.6, words: ['4 percent'] },
        { feature: 'meaning', weight: -0.3 },
      ],
      ['reads like a factual claim, as a whole', 'contains a statistic: “4 percent”'],
    ],
  ])('%s', (_, contributions, expected) => {
    expect(explain(out(...contributions))).toEqual(expected);
  });
});

describe('reasons on the sample documents', () => {
  const fixture = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');
  const flagged: DetectedSentence[] = [];
  beforeAll(async () => {
    for (const f of ['lavrov-minsk-2022-06-30.txt', 'memri-6998-lavrov-belarus-interview-2017.txt'])
      flagged.push(...(await detectClaims(fixture(f))).sentences.filter((s) => s.checkworthy));
  });

  it('gives every flagged sentence one to three reasons', () => {
    expect(flagged.length).toBeGreaterThan(100);
    for (const s of flagged) {
      expect(s.reasons.length).toBeGreaterThanOrEqual(1);
      expect(s.reasons.length).toBeLessThanOrEqual(3);
    }
  });

  it('discriminates: no reason on more than 30% of flagged sentences', () => {
    const count = new Map<string, number>();
    for (const s of flagged) for (const r of new Set(s.reasons)) count.set(r, (count.get(r) ?? 0) + 1);
    const [top, n] = [...count.entries()].sort((a, b) => b[1] - a[1])[0];
    expect({ top, share: n / flagged.length < 0.3 }).toEqual({ top, share: true });
  });

  it('lowers the score of a moderator or questioner line and says so', () => {
    const scorer = defaultScorer();
    const input = prepare('The unemployment rate fell to 4.7 percent in 2016.');
    const plain = scorer.score(input);
    const asked = scorer.score({ ...input, speakerRole: 'moderator' });
    expect(asked.score).toBeLessThan(plain.score);
    expect(explain(asked)).toContain("the moderator's line (lowers score)");
    expect(scorer.score({ ...input, speakerRole: 'participant' }).score).toBe(plain.score);
  });
});
