import { scoreAll, scoreSentences } from './detect.js';
import { EMBEDDING_DIM, ENCODER_NAME } from './encoder.js';
import { DEFAULT_FEATURES, DIM } from './features.js';
import { LinearScorer, prepare, type ModelFile } from './scorer.js';

/** A model whose hashed weights are all 0, so its logit without the vector is its bias. */
const model = (bias: number, embedding?: Partial<NonNullable<ModelFile['embedding']>>): ModelFile => {
  const w = new Float32Array(EMBEDDING_DIM);
  w[0] = 2; // the vector's part is 2 × its first coordinate
  return {
    format: embedding ? 'factdesk-checkworthiness/2' : 'factdesk-checkworthiness/1',
    createdAt: '2026-12-04T00:00:00Z',
    features: DEFAULT_FEATURES,
    dim: DIM,
    bias,
    threshold: 0.5,
    weights: Buffer.from(new Float32Array(DIM).buffer).toString('base64'),
    ...(embedding
      ? {
          embedding: {
            encoder: ENCODER_NAME,
            dim: EMBEDDING_DIM,
            group: 1,
            weights: Buffer.from(w.buffer).toString('base64'),
            mean: 0.25,
            band: 1,
            bandQuantile: 0.9,
            ...embedding,
          },
        }
      : {}),
    training: {},
  };
};

/** A fake encoder: the vector (x, √(1 − x²), 0, …) for every text, and a record of what it was asked. */
const encoder = (x: number) => {
  const asked: string[][] = [];
  const vector = new Float32Array(EMBEDDING_DIM);
  vector[0] = x;
  vector[1] = Math.sqrt(1 - x * x);
  return {
    asked,
    encode: async (texts: string[]) => {
      asked.push(texts);
      return texts.map(() => vector);
    },
  };
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('the band policy: a sentence is embedded only where its vector could change the decision', () => {
  // Threshold 0.5 (logit 0), band ±1, mean part 0.25: without a vector the logit is bias + 0.25.
  it.each([
    ['far above the threshold', 3, false, sigmoid(3.25)],
    ['far below the threshold', -3, false, sigmoid(-2.75)],
    ['inside the band, above', 0.5, true, sigmoid(0.5 + 2 * -0.6)],
    ['inside the band, below', -1, true, sigmoid(-1 + 2 * -0.6)],
    ['just outside the band', 0.76, false, sigmoid(1.01)],
  ])('%s (bias %d): embedded %s', async (_, bias, embedded, score) => {
    const { asked, encode } = encoder(-0.6);
    const scorer = new LinearScorer(model(bias, {}), encode);
    const input = prepare('Exports grew by 40 percent in 2021.');
    const [out] = await scoreAll(scorer, [input], 0.5);
    expect(asked).toEqual(embedded ? [['Exports grew by 40 percent in 2021.']] : []);
    expect(out.score).toBeCloseTo(score, 5);
    // The vector's part is a reason only when the sentence was embedded: 2 × −0.6 − 0.25 = −1.45.
    const meaning = out.contributions.find((c) => c.feature === 'meaning');
    if (embedded) expect(meaning?.weight).toBeCloseTo(-1.45, 5);
    else expect(meaning).toBeUndefined();
  });

  it('embeds the sentences near the threshold of the call, in one batch, and keeps the order', async () => {
    const { asked, encode } = encoder(0.9);
    const scorer = new LinearScorer(model(-0.8, {}), encode);
    // Near 0.5 (logit −0.55 from the threshold); at threshold 0.1 (logit −2.2) far above: nothing to embed.
    expect(
      (await scoreSentences(['One.', 'Two.', 'Three.'], { scorer, threshold: 0.1 })).map((s) => s.checkworthy),
    ).toEqual([true, true, true]);
    expect(asked).toEqual([]);
    const scores = await scoreSentences(['One.', 'Two.', 'Three.'], { scorer });
    expect(asked).toEqual([['One.', 'Two.', 'Three.']]);
    expect(scores.map((s) => s.score)).toEqual([0, 0, 0].map(() => expect.closeTo(sigmoid(-0.8 + 1.8), 4)));
    expect(scores.every((s) => s.checkworthy)).toBe(true);
  });

  it('keeps the speaker role in the decision it bands', async () => {
    const { asked, encode } = encoder(0.5);
    const scorer = new LinearScorer(model(1.5, {}), encode);
    const input = prepare('Exports grew by 40 percent in 2021.');
    // Logit 1.75 alone: far above; a moderator's line (−2) brings it to −0.25, inside the band.
    await scoreAll(scorer, [input], 0.5);
    expect(asked).toEqual([]);
    const [asker] = await scoreAll(scorer, [{ ...input, speakerRole: 'moderator' }], 0.5);
    expect(asked).toHaveLength(1);
    expect(asker.score).toBeCloseTo(sigmoid(1.5 + 1 - 2), 5);
  });

  it('scores with a model without a sentence vector (format 1): no embedder, nothing embedded', async () => {
    const scorer = new LinearScorer(model(0.1));
    expect(scorer.embedder).toBeUndefined();
    const [out] = await scoreAll(scorer, [prepare('Exports grew.')], 0.5);
    expect(out.score).toBeCloseTo(sigmoid(0.1), 6);
  });

  it('refuses a model fitted on other sentence vectors, or a format 2 file without them', () => {
    expect(() => new LinearScorer(model(0, { encoder: 'another-encoder' }))).toThrow(
      /sentence vectors from another-encoder/,
    );
    expect(() => new LinearScorer({ ...model(0), format: 'factdesk-checkworthiness/2' })).toThrow(/unsupported/);
  });
});
