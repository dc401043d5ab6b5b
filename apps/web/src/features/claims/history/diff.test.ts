import { describe, expect, it } from 'vitest';
import type { AuditEventDto, VerdictVersionDto } from '@factdesk/domain';
import { diffVersions, lastSentBack, versionSteps, wordDiff, type VersionText } from './diff';

const source = { url: 'https://a.example', title: 'A', publisher: null, publishedOn: null, quote: null };
const base: VersionText = {
  rating: 'False',
  headline: 'Unemployment did not fall',
  conclusion: 'It rose.',
  analysis: 'The office reports a rise.',
  sources: [{ ...source, kind: 'primary' }],
};

describe('word diff', () => {
  it.each([
    ['', '', []],
    ['same words', 'same words', [['same', 'same words']]],
    ['', 'new', [['added', 'new']]],
    ['old', '', [['removed', 'old']]],
    [
      'The office reports a rise.',
      'The national office reports a rise.',
      [
        ['same', 'The '],
        ['added', 'national '],
        ['same', 'office reports a rise.'],
      ],
    ],
    [
      'a rise',
      'a fall',
      [
        ['same', 'a '],
        ['removed', 'rise'],
        ['added', 'fall'],
      ],
    ],
  ])('%j → %j', (before, after, expected) => {
    expect(wordDiff(before, after).map((p) => [p.kind, p.text])).toEqual(expected);
  });

  it('keeps every character of both texts, in order', () => {
    const before = 'Line one.\n\nLine  two, with **bold**.';
    const after = 'Line one.\nLine two, with *italics* and more.';
    const pieces = wordDiff(before, after);
    expect(
      pieces
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      pieces
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});

describe('diff of two versions, field by field', () => {
  it.each<[string, Partial<VersionText>, string[]]>([
    ['nothing', {}, []],
    ['the rating', { rating: 'Misleading' }, ['rating']],
    ['a rating cleared', { rating: null }, ['rating']],
    ['the headline', { headline: 'Unemployment rose' }, ['headline']],
    ['the conclusion', { conclusion: 'It rose sharply.' }, ['conclusion']],
    ['the analysis', { analysis: 'The national office reports a rise.' }, ['analysis']],
    ['two fields', { headline: 'H', analysis: 'A' }, ['headline', 'analysis']],
  ])('%s changed', (_, change, changed) => {
    const d = diffVersions(base, { ...base, ...change });
    expect(d.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(changed);
    expect(d.changed).toBe(changed.length > 0);
  });

  it.each<[string, VersionText['sources'], [string, string][]]>([
    ['unchanged', base.sources, [['https://a.example', 'same']]],
    [
      'added',
      [...base.sources, { ...source, url: 'https://b.example', kind: 'secondary' }],
      [
        ['https://a.example', 'same'],
        ['https://b.example', 'added'],
      ],
    ],
    ['removed', [], [['https://a.example', 'removed']]],
    [
      'replaced',
      [{ ...source, url: 'https://c.example', kind: 'primary' }],
      [
        ['https://c.example', 'added'],
        ['https://a.example', 'removed'],
      ],
    ],
    ['retitled', [{ ...source, title: 'A, revised', kind: 'primary' }], [['https://a.example', 'changed']]],
    ['now secondary', [{ ...source, kind: 'secondary' }], [['https://a.example', 'changed']]],
  ])('a source %s', (_, sources, expected) => {
    const d = diffVersions(base, { ...base, sources });
    expect(d.sources.map((s) => [s.url, s.change])).toEqual(expected);
    expect(d.changed).toBe(expected.some(([, c]) => c !== 'same'));
  });

  it('names what changed in a source, word by word', () => {
    const d = diffVersions(base, {
      ...base,
      sources: [{ ...source, title: 'A revised', quote: 'Rose', kind: 'primary' }],
    });
    expect(d.sources[0].fields.map((f) => f.field)).toEqual(['title', 'quote']);
    expect(d.sources[0].fields[0].pieces).toEqual([
      { kind: 'same', text: 'A' },
      { kind: 'added', text: ' revised' },
    ]);
  });
});

const person = (name: string) => ({ id: name, name });
const version = (n: number, at: string, sentBack: VerdictVersionDto['sentBack'] = []): VerdictVersionDto => ({
  version: n,
  kind: 'save',
  content: { ...base, ratingId: null },
  rating: null,
  author: person('Rita'),
  createdAt: at,
  sentBack,
});
const step = (action: string, at: string, actor = 'Ed'): AuditEventDto => ({
  id: `${action}${at}`,
  action,
  actor: person(actor),
  entityType: 'claim',
  entityId: 'c',
  before: null,
  after: null,
  createdAt: at,
});

describe('workflow steps per version', () => {
  const sentBack = [{ by: person('Ed'), at: '2030-01-01T10:02:00Z', comment: 'Say which office.' }];
  const versions = [version(1, '2030-01-01T10:00:00Z', sentBack), version(2, '2030-01-01T10:03:00Z')];
  const history = [
    step('claim.submit', '2030-01-01T10:01:00Z', 'Rita'),
    step('claim.request_changes', '2030-01-01T10:02:00Z'),
    step('verdict.save', '2030-01-01T10:03:00Z', 'Rita'),
    step('claim.submit', '2030-01-01T10:04:00Z', 'Rita'),
    step('claim.approve', '2030-01-01T10:05:00Z'),
  ];

  it('puts each submit, request for changes and approval on the version it acted on', () => {
    expect(Object.fromEntries(versionSteps(versions, history))).toEqual({
      1: ['submitted by Rita', 'sent back by Ed'],
      2: ['submitted by Rita', 'approved by Ed'],
    });
  });

  it('finds the latest version sent back', () => {
    expect(lastSentBack(versions)?.version).toBe(1);
    expect(lastSentBack([version(1, '2030-01-01T10:00:00Z')])).toBeNull();
  });
});
