import {
  chooseThreshold,
  fitLogistic,
  fitRanker,
  linearScore,
  linkPrecisionRecall,
  meanAveragePrecision,
} from './train.js';

describe('meanAveragePrecision', () => {
  it('is the CheckThat! MAP@k: precision at each hit, over min(relevant, k)', () => {
    expect(meanAveragePrecision([{ ranked: ['x', 'a'], relevant: ['a'] }])).toBe(0.5);
    expect(meanAveragePrecision([{ ranked: ['a', 'x', 'b'], relevant: ['a', 'b'] }])).toBeCloseTo((1 + 2 / 3) / 2);
    expect(meanAveragePrecision([{ ranked: ['x', 'y', 'z', 'w', 'v', 'a'], relevant: ['a'] }])).toBe(0);
  });
});

describe('fitRanker', () => {
  it('learns which feature marks the true match, whatever its position', () => {
    // Feature 0 is noise, feature 1 is high only for the true match.
    const groups = Array.from({ length: 30 }, (_, q) => {
      const hit = q % 4;
      const features = [0, 1, 2, 3].map((i) => [((q * 7 + i * 3) % 5) / 5, i === hit ? 1 : 0.2 + ((q + i) % 3) / 10]);
      return { features, relevant: [0, 1, 2, 3].map((i) => i === hit) };
    });
    const model = fitRanker(groups);
    expect(model.weights[1]).toBeGreaterThan(Math.abs(model.weights[0]));
    const map = meanAveragePrecision(
      groups.map((g) => ({
        ranked: g.features
          .map((f, i) => ({ i, s: linearScore(model, f) }))
          .sort((a, b) => b.s - a.s)
          .map((r) => String(r.i)),
        relevant: [String(g.relevant.indexOf(true))],
      })),
    );
    expect(map).toBe(1);
  });
});

describe('fitLogistic', () => {
  it('gives probabilities that rise with the score', () => {
    const x = [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 0.2, -0.2].map((s) => [s]);
    const y = [false, false, false, true, false, true, false, true, true, true, false];
    const { weights, bias } = fitLogistic(x, y);
    const p = (s: number) => 1 / (1 + Math.exp(-(weights[0] * s + bias)));
    expect(weights[0]).toBeGreaterThan(0);
    expect(p(3)).toBeGreaterThan(0.8);
    expect(p(-3)).toBeLessThan(0.2);
  });
});

describe('link threshold', () => {
  const queries = [
    {
      ranked: [
        { id: 'a', probability: 0.9 },
        { id: 'x', probability: 0.4 },
      ],
      relevant: ['a'],
    },
    {
      ranked: [
        { id: 'y', probability: 0.6 },
        { id: 'b', probability: 0.3 },
      ],
      relevant: ['b'],
    },
  ];

  it('counts kept links that are right against every true match', () => {
    expect(linkPrecisionRecall(queries, 0.5)).toEqual({ precision: 0.5, recall: 0.5, kept: 2 });
    expect(linkPrecisionRecall(queries, 0.95)).toEqual({ precision: 1, recall: 0, kept: 0 });
  });

  it('is the lowest cut-off that reaches the precision asked for', () => {
    expect(chooseThreshold(queries, 0.9)).toBe(0.9);
    expect(chooseThreshold(queries, 0.4)).toBe(0.3);
  });
});
