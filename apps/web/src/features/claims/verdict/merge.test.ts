import { describe, expect, it } from 'vitest';
import type { VerdictContent } from '../queries';
import { rating, verdict } from '../../../test/fixtures';
import {
  blankSource,
  changedFields,
  conflictFields,
  contentOf,
  describe as describeField,
  normalized,
  reapply,
  urlProblem,
} from './merge';

const base: VerdictContent = {
  ratingId: 'r1',
  headline: 'Base headline',
  conclusion: 'Base conclusion',
  analysis: 'Base analysis',
  sources: [],
};
const source = (url: string) => ({
  url,
  title: '',
  publisher: null,
  publishedOn: null,
  quote: null,
  kind: 'primary' as const,
});

describe('contentOf', () => {
  it('is empty without a verdict', () => {
    expect(contentOf(null)).toEqual({ ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] });
  });

  it('takes the rating id and drops source ids', () => {
    const v = verdict(3, {
      rating: rating('r2', 'False'),
      headline: 'H',
      sources: [{ id: 's1', ...source('https://a.org') }],
    });
    expect(contentOf(v)).toEqual({
      ...contentOf(null),
      ratingId: 'r2',
      headline: 'H',
      sources: [source('https://a.org')],
    });
  });
});

describe('reapply: my changed fields over their version', () => {
  const theirs = { ...base, headline: 'Their headline', analysis: 'Their analysis' };
  it.each<[string, Partial<VerdictContent>, VerdictContent]>([
    ['nothing changed by me: theirs', {}, theirs],
    ['my conclusion, their headline', { conclusion: 'Mine' }, { ...theirs, conclusion: 'Mine' }],
    ['both changed the headline: mine wins', { headline: 'My headline' }, { ...theirs, headline: 'My headline' }],
    [
      'my sources replace theirs whole',
      { sources: [source('https://b.org')] },
      { ...theirs, sources: [source('https://b.org')] },
    ],
    ['my cleared rating stays cleared', { ratingId: null }, { ...theirs, ratingId: null }],
  ])('%s', (_, mine, expected) => {
    expect(reapply(base, { ...base, ...mine }, theirs)).toEqual(expected);
  });
});

describe('conflictFields: only what both sides changed, differently', () => {
  it.each<[string, Partial<VerdictContent>, Partial<VerdictContent>, string[]]>([
    ['a field only they changed is not mine to choose', { conclusion: 'Mine' }, { headline: 'Theirs' }, []],
    ['both changed the headline', { headline: 'Mine' }, { headline: 'Theirs' }, ['headline']],
    ['both changed it the same way: no conflict', { headline: 'Same' }, { headline: 'Same' }, []],
    [
      'in form order, only the shared ones',
      { sources: [source('https://m.org')], ratingId: null, analysis: 'Mine' },
      { sources: [source('https://t.org')], ratingId: 'r2', headline: 'Theirs' },
      ['ratingId', 'sources'],
    ],
    ['nothing changed', {}, {}, []],
  ])('%s', (_, mine, theirs, expected) => {
    expect(conflictFields(base, { ...base, ...mine }, { ...base, ...theirs })).toEqual(expected);
  });
});

describe('changedFields: what a newer version changed since the one on screen', () => {
  it.each<[Partial<VerdictContent>, string[]]>([
    [{}, []],
    [{ headline: 'New' }, ['headline']],
    [{ conclusion: 'New', ratingId: 'r9' }, ['ratingId', 'conclusion']],
  ])('%j → %j', (theirs, expected) => {
    expect(changedFields(base, { ...base, ...theirs })).toEqual(expected);
  });
});

describe('urlProblem', () => {
  it.each([
    ['https://www.nato.int/cps/en/natohq/topics_52044.htm', null],
    ['  http://example.org/a  ', null],
    ['', 'Give the address of the source.'],
    ['   ', 'Give the address of the source.'],
    ['javascript:alert(1)', 'Use an http(s) address.'],
    ['ftp://x.org/a', 'Use an http(s) address.'],
    ['www.example.org', 'This is not a complete address (https://…).'],
    ['https://', 'This is not a complete address (https://…).'],
  ])('%j → %j', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});

describe('blankSource', () => {
  it('makes the first source primary and later ones secondary', () => {
    expect(blankSource([]).kind).toBe('primary');
    expect(blankSource([source('https://a.org')]).kind).toBe('secondary');
    expect(blankSource([{ ...source('https://a.org'), kind: 'secondary' }]).kind).toBe('primary');
  });
});

describe('describe a field for the conflict view', () => {
  const ratings = [rating('r1', 'Mostly false')];
  it.each<[keyof VerdictContent, Partial<VerdictContent>, string]>([
    ['ratingId', {}, 'Mostly false'],
    ['ratingId', { ratingId: 'gone' }, 'none'],
    ['sources', { sources: [source('https://a.org'), source('https://b.org')] }, 'https://a.org, https://b.org'],
    ['sources', {}, 'none'],
    ['headline', { headline: '' }, 'empty'],
    ['analysis', { analysis: 'x'.repeat(300) }, 'x'.repeat(240)],
  ])('%s of %j', (field, content, words) => {
    expect(describeField({ ...base, ...content }, field, ratings)).toBe(words);
  });
});

describe('normalized: content from the server compares equal to the same content typed', () => {
  it('puts fields in form order whatever order they came in', () => {
    const typed = { ...base, sources: [source('https://a.org')] };
    const fromJsonb = JSON.parse(
      '{"analysis":"Base analysis","headline":"Base headline","ratingId":"r1","conclusion":"Base conclusion",' +
        '"sources":[{"url":"https://a.org","kind":"primary","quote":null,"title":"","publisher":null,"publishedOn":null}]}',
    ) as VerdictContent;
    expect(JSON.stringify(fromJsonb)).not.toBe(JSON.stringify(typed));
    expect(JSON.stringify(normalized(fromJsonb))).toBe(JSON.stringify(typed));
  });
});
