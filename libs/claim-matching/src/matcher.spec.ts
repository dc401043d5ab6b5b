import {
  ClaimMatcher,
  FEATURE_NAMES,
  corpusStats,
  featureVectors,
  loadClaimMatcher,
  terms,
  type Candidate,
  type MatcherModel,
} from './index.js';

const NATO = 'NATO carried out five expansion waves while proclaiming it is a defensive alliance.';
const candidates: Candidate[] = [
  { id: 'weather', text: 'The weather in Lisbon was sunny and warm on Tuesday afternoon.', headline: null },
  { id: 'nato', text: NATO, headline: 'Did NATO Expand Five Times While Calling Itself Defensive?' },
  {
    id: 'grain',
    text: 'Grain exports through the Black Sea corridor reached 33 million tonnes last year.',
    headline: 'Black Sea grain exports: 33 million tonnes?',
  },
  {
    id: 'nato-other',
    text: 'NATO spends more on defence than Russia and China combined.',
    headline: 'Does NATO Outspend Russia and China?',
  },
];

describe('terms', () => {
  it('drops stop words and stems, so inflections match', () => {
    expect(terms('The vaccines were vaccinated in 2021')).toEqual(['vaccin', 'vaccin', '2021']);
    expect(terms("Trump's claims")).toEqual(terms('Trumps claim'));
  });
});

describe('featureVectors', () => {
  const stats = corpusStats(candidates);

  it('gives one vector per candidate in FEATURE_NAMES order, and counts shared numbers', () => {
    const vectors = featureVectors('Exports via the Black Sea reached 33 million tonnes', candidates, stats);
    expect(vectors).toHaveLength(candidates.length);
    vectors.forEach((v) => expect(v).toHaveLength(FEATURE_NAMES.length));
    const shared = FEATURE_NAMES.indexOf('numbers_shared');
    expect(vectors[2][shared]).toBeGreaterThan(0);
    expect(vectors[0][shared]).toBe(0);
  });

  it('does not depend on the order the candidates come in (ties share a BM25 rank)', () => {
    const twins: Candidate[] = [
      ...candidates,
      { id: 'nato-copy', text: NATO.replace('five', '5'), headline: candidates[1].headline },
      { id: 'nato-twin', text: NATO, headline: candidates[1].headline },
    ];
    const forward = featureVectors(NATO, twins, stats);
    const backward = featureVectors(NATO, [...twins].reverse(), stats).reverse();
    expect(backward).toEqual(forward);
  });
});

describe('the shipped matcher', () => {
  const matcher = loadClaimMatcher();

  it('ranks a reworded claim and its fact-check first, above the threshold, and unrelated claims far below it', () => {
    const ranked = matcher.rank(
      'Lavrov: Instead, NATO carried out five expansion waves all while proclaiming that it is a defensive alliance.',
      candidates,
    );
    expect(ranked[0].id).toBe('nato');
    expect(ranked[0].probability).toBeGreaterThanOrEqual(matcher.threshold);
    for (const other of ranked.slice(1)) expect(other.probability).toBeLessThan(matcher.threshold);
    expect(ranked.find((r) => r.id === 'weather')!.probability).toBeLessThan(0.05);
  });

  it('links nothing for a claim that nothing in the collection states', () => {
    const ranked = matcher.rank('The city council approved a new budget for public libraries.', candidates);
    expect(ranked.every((r) => r.probability < matcher.threshold)).toBe(true);
  });

  it('breaks exact ties by id, whatever the input order', () => {
    const twins: Candidate[] = [
      { id: 'b', text: NATO, headline: null },
      { id: 'a', text: NATO, headline: null },
    ];
    expect(matcher.rank(NATO, twins).map((r) => r.id)).toEqual(['a', 'b']);
    expect(matcher.rank(NATO, [...twins].reverse()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('chooses the rarest words of a claim for the full-text search', () => {
    const words = matcher.searchWords('The president said that the unemployment rate in Wisconsin fell', 3);
    expect(words).toContain('wisconsin');
    expect(words).not.toContain('said');
  });

  it('refuses a model file of another format or feature list', () => {
    const model = { ...matcher.model, features: matcher.model.features.slice(1) } as MatcherModel;
    expect(() => new ClaimMatcher(model)).toThrow(/unsupported claim-matching model/);
  });
});
