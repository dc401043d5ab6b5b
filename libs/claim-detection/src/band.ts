import { embed } from './encoder.js';

/**
 * The sentence vector of a scorer that has one. A score made without it (`input.embedding` absent) stands in the
 * vector's mean part over the training data; `near` says whether the real part could turn the decision at
 * `threshold`, and only then is the sentence embedded and scored again with it. Embedding is slow (20–50 ms per
 * sentence on one core here, MODEL_CARD.md), so callers embed the sentences `near` selects, in one batch.
 */
export interface SentenceEmbedder {
  near(score: number, threshold: number): boolean;
  embed(texts: string[]): Promise<Float32Array[]>;
}

const logit = (p: number) => Math.log(p / (1 - p));

/** The band policy of a model's sentence vector (see SentenceEmbedder). */
export class BandEmbedder implements SentenceEmbedder {
  constructor(
    readonly band: number,
    private readonly encode: (texts: string[]) => Promise<Float32Array[]> = embed,
  ) {}

  near(score: number, threshold: number): boolean {
    // A score of 0 or 1 (a logit beyond ±36) is far from any threshold.
    return Math.abs(logit(score) - logit(threshold)) < this.band;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return this.encode(texts);
  }
}
