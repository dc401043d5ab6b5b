import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClaimEntity } from '@factdesk/domain';
import { analyse, type Analysis } from './nlp.js';
import { findEntities } from './entities.js';
import { combine, DIM, extractGrouped, namedIndex, type FeatureConfig } from './features.js';

/** What a scorer sees of one sentence. */
export interface ScorerInput {
  text: string;
  analysis: Analysis;
  entities: ClaimEntity[];
}

export interface ScorerOutput {
  /** Probability-like check-worthiness, 0–1. */
  score: number;
  /**
   * Named, readable features with their signed contribution to the logit, strongest first
   * ("wording" = the rest of the model: character and POS n-grams).
   */
  contributions: { feature: string; weight: number }[];
}

/**
 * Anything that scores check-worthiness. The shipped implementation is a linear model; a
 * stronger one (e.g. a transformer served elsewhere) can implement this without changing callers.
 */
export interface CheckworthinessScorer {
  readonly name: string;
  /** Default decision threshold (chosen by cross-validation for the shipped model). */
  readonly threshold: number;
  score(input: ScorerInput): ScorerOutput;
}

/** On-disk format of the trained model (model/checkworthiness.json). */
export interface ModelFile {
  format: 'factdesk-checkworthiness/1';
  createdAt: string;
  features: FeatureConfig;
  dim: number;
  bias: number;
  threshold: number;
  /** Float32 little-endian weights, base64. */
  weights: string;
  /** Mean "wording" contribution over the training data, so reasons report it relative to typical text. */
  wordingBaseline?: number;
  training: Record<string, unknown>;
}

export class LinearScorer implements CheckworthinessScorer {
  readonly name = 'hashed-linear-logreg';
  readonly threshold: number;
  readonly features: FeatureConfig;
  private readonly w: Float32Array;
  private readonly b: number;
  private readonly baseline: number;

  constructor(model: ModelFile) {
    if (model.format !== 'factdesk-checkworthiness/1' || model.dim !== DIM) {
      throw new Error(`unsupported claim-detection model (format ${model.format}, dim ${model.dim})`);
    }
    const buf = Buffer.from(model.weights, 'base64');
    this.w = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    this.b = model.bias;
    this.baseline = model.wordingBaseline ?? 0;
    this.threshold = model.threshold;
    this.features = model.features;
  }

  score(input: ScorerInput): ScorerOutput {
    const g = extractGrouped(input.analysis, input.entities, this.features);
    const x = combine(g, this.features);
    let z = this.b;
    for (let i = 0; i < x.idx.length; i++) z += this.w[x.idx[i]] * x.val[i];
    // Contribution of each named feature: its weight × its (normalised, group-weighted) value.
    const contributions: { feature: string; weight: number }[] = [];
    const sIdx = g.struct.idx;
    const sVal = g.struct.val;
    for (const [name] of g.named) {
      const h = namedIndex(name);
      for (let i = 0; i < sIdx.length; i++) {
        if (sIdx[i] === h) {
          contributions.push({ feature: name, weight: this.w[h] * sVal[i] * this.features.gStruct });
          break;
        }
      }
    }
    // Everything else (character and POS n-grams) is reported as one "wording" contribution.
    const named = contributions.reduce((acc, c) => acc + c.weight, 0);
    contributions.push({ feature: 'wording', weight: z - this.b - named - this.baseline });
    contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return { score: 1 / (1 + Math.exp(-z)), contributions };
  }
}

/** Where the shipped model lives: <package>/model/checkworthiness.json (works from src/ and dist/). */
export const MODEL_PATH = fileURLToPath(new URL('../model/checkworthiness.json', import.meta.url));

let shipped: LinearScorer | null = null;

/** The committed model, loaded once on first use. */
export function defaultScorer(): CheckworthinessScorer {
  if (!shipped) shipped = new LinearScorer(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile);
  return shipped;
}

/** Analyse a standalone sentence into scorer input. */
export function prepare(text: string): ScorerInput {
  const analysis = analyse(text);
  return { text, analysis, entities: findEntities(analysis) };
}
