import { changedFields, correctedWhat, correctionHeading } from './corrections.js';

const base = {
  rating: { id: 'r1', slug: 'false', label: 'False', value: 0, colour: '#f00' },
  headline: 'H',
  conclusion: 'C',
  analysis: 'A',
  sources: [
    { url: 'https://a.example', title: 'A', publisher: null, publishedOn: null, quote: null, kind: 'primary' as const },
  ],
};

describe('changedFields', () => {
  it.each([
    [{}, []],
    [{ rating: { ...base.rating, id: 'r2' } }, ['rating']],
    [{ rating: null }, ['rating']],
    [{ headline: 'H2' }, ['headline']],
    [{ analysis: 'A2', sources: [] }, ['analysis', 'sources']],
    [{ sources: [{ ...base.sources[0], quote: 'q' }] }, ['sources']],
    [{ conclusion: 'C2', headline: 'H2' }, ['headline', 'conclusion']],
  ])('%j → %j', (change, fields) => {
    expect(changedFields(base, { ...base, ...change })).toEqual(fields);
  });
});

describe('correctionHeading', () => {
  it.each([
    ['correction', [], 'Correction'],
    ['correction', ['rating'], 'Corrected the rating'],
    ['correction', ['sources', 'analysis'], 'Corrected the analysis and sources'],
    ['correction', ['headline', 'conclusion', 'sources'], 'Corrected the headline, conclusion and sources'],
    ['retraction', ['rating'], 'Retraction'],
  ] as const)('%s %j → %s', (kind, fields, heading) => {
    expect(correctionHeading(kind, fields)).toBe(heading);
  });
  it('names nothing for no fields', () => expect(correctedWhat([])).toBe(''));
});
