import { factCheckSlug, isWebUrl, staleVerdict, verdictProblems, type VerdictDraft } from './verdicts.js';

const complete: VerdictDraft = {
  ratingId: 'r1',
  headline: 'No, NATO did not',
  conclusion: 'The record shows otherwise.',
  analysis: '',
  sources: [{ url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm', kind: 'primary' }],
};

describe('verdict completeness', () => {
  it('accepts a complete verdict', () => {
    expect(verdictProblems(complete)).toEqual([]);
  });

  it('lists everything missing', () => {
    expect(verdictProblems({ ...complete, ratingId: null, conclusion: '  ', sources: [] })).toEqual([
      'Choose a rating.',
      'Write a conclusion.',
      'Add at least one source.',
    ]);
  });

  it('needs valid web addresses and a primary source', () => {
    const problems = verdictProblems({
      ...complete,
      sources: [
        { url: 'javascript:alert(1)', kind: 'secondary' },
        { url: 'ftp://x.org/a', kind: 'secondary' },
      ],
    });
    expect(problems).toEqual([
      'Source 1 needs a valid http(s) address.',
      'Source 2 needs a valid http(s) address.',
      'Mark at least one source as primary (the original document, data or statement).',
    ]);
  });

  it.each([
    ['https://example.org/a?b=1', true],
    ['http://127.0.0.1:8080', true],
    ['example.org', false],
    ['javascript:alert(1)', false],
    ['https://', false],
  ])('%s is a web URL: %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});

describe('fact-check slugs', () => {
  it('reads like the headline and ends with the unique suffix', () => {
    expect(factCheckSlug('Did NATO expand five times? Mostly true — with caveats', 'A1B2C3D4E5')).toBe(
      'did-nato-expand-five-times-mostly-true-with-caveats-a1b2c3d4',
    );
  });

  it('folds accents and survives headlines with no letters', () => {
    expect(factCheckSlug('Éléphants à Genève', 'x1')).toBe('elephants-a-geneve-x1');
    expect(factCheckSlug('!!!', 'x1')).toBe('fact-check-x1');
  });
});

describe('submit and approve act on the version the person sees', () => {
  it.each<['submit' | 'approve', number | undefined, number, RegExp | null]>([
    ['submit', 3, 3, null],
    ['approve', 5, 5, null],
    ['submit', undefined, 4, null],
    ['submit', 2, 3, /^Version 3 was saved since the version 2 .* nothing was submitted/],
    ['approve', 1, 4, /^Version 4 was saved since the version 1 .* nothing was approved/],
    ['approve', 7, 4, /^Version 7 does not exist \(the verdict is at version 4\); nothing was approved/],
  ])('%s seeing %s at version %s', (action, seen, current, expected) => {
    const answer = staleVerdict(action, seen, current);
    if (expected === null) expect(answer).toBeNull();
    else expect(answer).toMatch(expected);
  });
});
