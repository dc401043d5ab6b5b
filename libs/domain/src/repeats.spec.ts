import {
  REPEAT_ALERT_SIMILARITY,
  REPEAT_MIN_WORDS,
  repeatAlertMessage,
  repeatOnArrival,
  type ArrivalLink,
  claimTextKey,
  contentWordCount,
  fingerprintSimilarity,
  SIGNATURE_SIZE,
  textFingerprint,
  textWords,
  VERSION_SIMILARITY,
  versionOf,
} from './repeats.js';

const TRANSCRIPT = [
  'HOLT: Good evening from Hofstra University in Hempstead, New York.',
  'CLINTON: Well, thank you, Lester, and thanks to Hofstra for hosting us.',
  'The central question in this election is really what kind of country we want to be and what kind of future we will build together.',
  'TRUMP: Our jobs are fleeing the country. They are going to Mexico. They are going to many other countries.',
  'You look at what China is doing to our country in terms of making our product.',
  'CLINTON: I think that trade is an important issue. Of course, we are 5 percent of the world’s population; we have to trade with the other 95 percent.',
  'TRUMP: We have a trade deficit with all of the countries that we do business with, of almost $800 billion a year.',
].join('\n\n');

const sig = (text: string) => textFingerprint(text)!.signature;

describe('the words two texts are compared by', () => {
  it.each([
    ['Hello, World!', ['hello', 'world']],
    ['line one\n\nline\ttwo', ['line', 'one', 'line', 'two']],
    ['“Quoted” — dashes… and 5.2%', ['quoted', 'dashes', 'and', '5', '2']],
    ['ＦＵＬＬ width', ['full', 'width']],
    ['Überall 95 Prozent', ['überall', '95', 'prozent']],
    ['  ', []],
  ])('%j → %j', (text, words) => expect(textWords(text)).toEqual(words));

  it.each([
    ['We have a trade deficit of $800 billion.', 'we have a trade deficit of 800 billion'],
    ['WE HAVE a trade-deficit of 800 billion', 'we have a trade deficit of 800 billion'],
  ])('claim key of %j', (text, key) => expect(claimTextKey(text)).toBe(key));
});

describe('document fingerprints', () => {
  it('have a signature of SIGNATURE_SIZE signed 32-bit integers and one band per four positions', () => {
    const f = textFingerprint(TRANSCRIPT)!;
    expect(f.signature).toHaveLength(SIGNATURE_SIZE);
    expect(f.bands).toHaveLength(SIGNATURE_SIZE / 4);
    for (const v of [...f.signature, ...f.bands]) expect(v).toBe(v | 0);
  });

  it('are null for a text without words', () => expect(textFingerprint(' … ')).toBeNull());

  it.each([
    ['single instead of double line breaks', TRANSCRIPT.replace(/\n\n/g, '\n')],
    ['other punctuation and case', TRANSCRIPT.toUpperCase().replace(/[.,]/g, ' ;')],
    ['Windows line endings and extra spaces', TRANSCRIPT.replace(/\n/g, '\r\n').replace(/ /g, '  ')],
  ])('are identical for the same words with %s', (_, variant) => {
    expect(fingerprintSimilarity(sig(TRANSCRIPT), sig(variant))).toBe(1);
    expect(textFingerprint(variant)!.bands).toEqual(textFingerprint(TRANSCRIPT)!.bands);
  });

  it('make a lightly edited copy a version (a header added, one sentence changed)', () => {
    const edited = `Transcript: first presidential debate, September 26, 2016\n\n${TRANSCRIPT.replace('$800 billion', '$700 billion')}`;
    expect(fingerprintSimilarity(sig(TRANSCRIPT), sig(edited))).toBeGreaterThanOrEqual(VERSION_SIMILARITY);
  });

  it('keep another text of the same series apart (shared names and boilerplate)', () => {
    const other = [
      'HOLT: Good evening from Washington University in St. Louis.',
      'RADDATZ: Thank you, and welcome to the town hall.',
      'TRUMP: We are going to bring back our jobs and we are going to make America great again.',
      'CLINTON: I want to be the president for all Americans, regardless of your political beliefs.',
    ].join('\n\n');
    expect(fingerprintSimilarity(sig(TRANSCRIPT), sig(other))).toBeLessThan(0.2);
  });

  it('estimate half-overlapping texts near one third (Jaccard of their shingles)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const a = words.slice(0, 2000).join(' ');
    const b = words.slice(1000).join(' ');
    expect(fingerprintSimilarity(sig(a), sig(b))).toBeGreaterThan(0.15);
    expect(fingerprintSimilarity(sig(a), sig(b))).toBeLessThan(0.55);
  });
});

describe('the document a new one is a version of', () => {
  const mine = sig(TRANSCRIPT);
  const near = { id: 'near', signature: sig(TRANSCRIPT.replace('$800 billion', '$700 billion')) };
  const same = { id: 'same', signature: sig(TRANSCRIPT.replace(/\n\n/g, '\n')) };
  const far = { id: 'far', signature: sig('Something else entirely, said somewhere else by someone else.') };

  it.each([
    [[far], null],
    [[far, near], 'near'],
    [[near, same, far], 'same'],
    [[], null],
  ])('among %#: %s', (candidates, expected) => {
    expect(versionOf(mine, candidates)?.document.id ?? null).toBe(expected);
  });

  it('compares nothing with a signature of another size', () => {
    expect(fingerprintSimilarity(mine, mine.slice(0, 10))).toBe(0);
  });
});

describe('a newly detected claim that repeats a stored one', () => {
  const link = (
    headId: string,
    similarity: number,
    sameText = false,
    headChecked = false,
    words = 12,
  ): ArrivalLink => ({
    headId,
    similarity,
    sameText,
    headChecked,
    words,
  });
  const high = (REPEAT_ALERT_SIMILARITY + 1) / 2 - 0.01;
  const low = REPEAT_ALERT_SIMILARITY - 0.05;

  it.each([
    ['no links: nothing', 'detected', null, [], { join: null, alert: null }],
    ['same words: joins', 'detected', null, [link('a', 0.99, true)], { join: 'a', alert: null }],
    [
      'same words of a checked claim: joins and alerts',
      'detected',
      null,
      [link('a', 0.99, true, true)],
      { join: 'a', alert: { headId: 'a', similarity: 1 } },
    ],
    [
      'like a checked claim: alerts, stays in triage',
      'detected',
      null,
      [link('a', high, false, true)],
      { join: null, alert: { headId: 'a', similarity: high } },
    ],
    [
      'like a checked claim, under the threshold: nothing',
      'detected',
      null,
      [link('a', low, false, true)],
      { join: null, alert: null },
    ],
    ['like an unchecked claim: nothing', 'detected', null, [link('a', 0.99)], { join: null, alert: null }],
    [
      'same words of one, like a checked other: joins the same words',
      'detected',
      null,
      [link('b', 0.99, false, true), link('a', 0.9, true)],
      { join: 'a', alert: null },
    ],
    [
      'the likeliest checked claim is the one named',
      'detected',
      null,
      [link('b', high, false, true), link('c', high + 0.01, false, true)],
      { join: null, alert: { headId: 'c', similarity: high + 0.01 } },
    ],
    [
      'a version’s duplicate of a checked claim: alerts',
      'duplicate',
      { headId: 'h', headChecked: true },
      [],
      { join: null, alert: { headId: 'h', similarity: 1 } },
    ],
    [
      'a version’s duplicate of an unchecked claim: nothing',
      'duplicate',
      { headId: 'h', headChecked: false },
      [],
      { join: null, alert: null },
    ],
    ['already triaged: left alone', 'accepted', null, [link('a', 0.99, true, true)], { join: null, alert: null }],
    [
      'like a checked claim that is a short line: nothing',
      'detected',
      null,
      [link('a', 0.99, false, true, REPEAT_MIN_WORDS - 1)],
      { join: null, alert: null },
    ],
  ] as const)('%s', (_, state, duplicateOf, links, expected) => {
    expect(repeatOnArrival({ state, words: 12, duplicateOf, links })).toEqual(expected);
  });

  it('proposes nothing for a new claim that is a short line, but joins its same words', () => {
    const words = REPEAT_MIN_WORDS - 1;
    expect(
      repeatOnArrival({ state: 'detected', words, duplicateOf: null, links: [link('a', 0.99, false, true)] }),
    ).toEqual({ join: null, alert: null });
    expect(
      repeatOnArrival({ state: 'detected', words, duplicateOf: null, links: [link('a', 1, true, true, words)] }),
    ).toEqual({ join: 'a', alert: { headId: 'a', similarity: 1 } });
  });

  it.each([
    ['short', 'Mostly false', true, 'Repeated: “short” repeats a claim already checked (rated Mostly false).'],
    ['short', null, false, 'Repeated: “short” may repeat a claim already checked.'],
    ['x'.repeat(100), null, true, `Repeated: “${'x'.repeat(87)}…” repeats a claim already checked.`],
  ])('tells the editors of %s (%s)', (text, rating, joined, message) => {
    expect(repeatAlertMessage(text, rating, joined)).toBe(message);
  });
});

describe('content words', () => {
  it.each([
    ['They didn’t know the year.', 5],
    ['Women at a 17-year low.', 4],
    ['It’s a disaster.', 1],
    ['We had an $800 billion deficit.', 4],
  ])('%s: %i', (text, n) => {
    expect(contentWordCount(text)).toBe(n);
  });
});
