import {
  inSentenceBand,
  isClaimAt,
  planThreshold,
  removableByThreshold,
  validThreshold,
  type SentenceClaim,
} from './sentences.js';

const claim = (over: Partial<SentenceClaim> = {}): SentenceClaim => ({
  id: 'c',
  state: 'detected',
  byPerson: false,
  touched: false,
  ...over,
});

describe('isClaimAt: a sentence is a claim when its score reaches the threshold', () => {
  it.each([
    [0.5, 0.5, true],
    [0.4999, 0.5, false],
    [0.9, 0.5, true],
    [0, 0, true],
    [1, 1, true],
    [0.99, 1, false],
  ])('score %p at threshold %p → %p', (score, threshold, expected) => {
    expect(isClaimAt(score, threshold)).toBe(expected);
  });
});

describe('validThreshold', () => {
  it.each([
    [0, true],
    [1, true],
    [0.35, true],
    [-0.01, false],
    [1.01, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%p → %p', (t, expected) => expect(validThreshold(t)).toBe(expected));
});

describe('removableByThreshold: only the detector’s untouched, untriaged claims', () => {
  it.each([
    ['detector, detected, untouched', claim(), true],
    ['detector, detected, touched (edited, commented…)', claim({ touched: true }), false],
    ['promoted or entered by a person', claim({ byPerson: true }), false],
    ['accepted', claim({ state: 'accepted' }), false],
    ['dismissed', claim({ state: 'dismissed' }), false],
    ['assigned', claim({ state: 'assigned' }), false],
    ['published', claim({ state: 'published' }), false],
  ])('%s → %p', (_label, c, expected) => expect(removableByThreshold(c)).toBe(expected));
});

describe('planThreshold: what a threshold change does', () => {
  const sentences = [
    { score: 0.9, claim: claim({ id: 'high' }) }, // 0: a claim, stays a claim
    { score: 0.45, claim: null }, // 1: a near miss
    { score: 0.3, claim: null }, // 2: far below
    { score: 0.55, claim: claim({ id: 'low-untouched' }) }, // 3: the detector's, untouched
    { score: 0.52, claim: claim({ id: 'low-accepted', state: 'accepted' }) }, // 4: triaged
    { score: 0.2, claim: claim({ id: 'promoted', byPerson: true }) }, // 5: a person's promotion
    { score: 0.51, claim: claim({ id: 'low-edited', touched: true }) }, // 6: edited
  ];
  it.each([
    // threshold, created (indexes), removed, kept below the threshold
    [0.5, [], [], ['promoted']],
    [0.4, [1], [], ['promoted']],
    [0.25, [1, 2], [], ['promoted']],
    [0.6, [], ['low-untouched'], ['low-accepted', 'promoted', 'low-edited']],
    [0.95, [], ['high', 'low-untouched'], ['low-accepted', 'promoted', 'low-edited']],
    [0, [1, 2], [], []],
  ])('threshold %p: creates %j, removes %j, keeps %j', (threshold, create, remove, keep) => {
    expect(planThreshold(sentences, threshold)).toEqual({ create, remove, keep });
  });

  it('is idempotent: applying the plan and planning again changes nothing', () => {
    const plan = planThreshold(sentences, 0.4);
    const after = sentences.map((s, i) => (plan.create.includes(i) ? { ...s, claim: claim({ id: `new-${i}` }) } : s));
    expect(planThreshold(after, 0.4)).toEqual({ create: [], remove: [], keep: ['promoted'] });
  });
});

describe('inSentenceBand', () => {
  it.each([
    // band, score, threshold, has a claim, in the band
    ['near_misses', 0.4, 0.5, false, true],
    ['near_misses', 0.5, 0.5, false, false], // at the threshold: a claim-to-be, not a miss
    ['near_misses', 0.4, 0.5, true, false], // promoted
    ['claims', 0.4, 0.5, true, true],
    ['claims', 0.9, 0.5, false, false], // above but removed or not yet made: not a claim
    ['all', 0.1, 0.5, false, true],
  ] as const)('%s: score %p at %p, claim %p → %p', (band, score, threshold, hasClaim, expected) => {
    expect(inSentenceBand(band, score, threshold, hasClaim)).toBe(expected);
  });
});
