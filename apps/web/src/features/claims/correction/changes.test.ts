import { describe, expect, it } from 'vitest';
import { correctionChanges, correctionSummary } from './changes';

const published = {
  ratingId: 'r1',
  headline: 'H',
  conclusion: 'C',
  analysis: 'A',
  sources: [
    { url: 'https://a.example', title: 'A', publisher: null, publishedOn: null, quote: null, kind: 'primary' as const },
  ],
};

describe('correction changes', () => {
  it('sends only what changed', () => {
    expect(correctionChanges(published, { ...published })).toEqual({});
    expect(correctionChanges(published, { ...published, analysis: 'A2' })).toEqual({ analysis: 'A2' });
  });
  it('names the changed fields as the log will', () => {
    expect(correctionSummary(published, published)).toBe('');
    expect(
      correctionSummary(published, {
        ...published,
        analysis: 'A2',
        sources: [...published.sources, { ...published.sources[0], url: 'https://b.example' }],
      }),
    ).toBe('Corrected the analysis and sources');
    expect(correctionSummary(published, { ...published, ratingId: 'r2' })).toBe('Corrected the rating');
  });
});
