import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAskingRole, type ClaimEntity, type EntityKind, type SpeakerRole } from '@factdesk/domain';
import { BandEmbedder, type SentenceEmbedder } from './band.js';
import { EMBEDDING_DIM, ENCODER_NAME } from './encoder.js';
import { analyse, type Analysis } from './nlp.js';
import { findEntities } from './entities.js';
import {
  charAttribution,
  CHUNK,
  combine,
  DIM,
  extractGrouped,
  wordTerms,
  type FeatureConfig,
  type GroupedFeatures,
} from './features.js';
import { STOPWORDS } from './lexicon.js';
import type { SentenceRole } from './types.js';

/** What a scorer sees of one sentence. */
export interface ScorerInput {
  text: string;
  analysis: Analysis;
  entities: ClaimEntity[];
  /** Where the sentence sits in the document, when known ('question' = an interviewer's turn). */
  role?: SentenceRole;
  /** The part its speaker plays in the document, when known (moderators and questioners rarely make claims). */
  speakerRole?: SpeakerRole;
  /** The sentence's vector, for a scorer with an `embedder`, when the sentence needed one (see SentenceEmbedder). */
  embedding?: Float32Array;
}

/** Named features about entities: their reason quotes the sentence's first entity of that kind. */
const ENTITY_OF: Record<string, EntityKind | undefined> = {
  number: 'number',
  digits: 'number',
  several_numbers: 'number',
  number_with_separator: 'number',
  statistic: 'number',
  wink_percent: 'number',
  wink_money: 'number',
  wink_cardinal: 'number',
  entity_number: 'number',
  year: 'date',
  wink_date: 'date',
  entity_date: 'date',
  entity_person: 'person',
  several_people: 'person',
  entity_organisation: 'organisation',
  entity_place: 'place',
};

/**
 * Lines of speakers who ask (libs/domain's ASKING_ROLES) are lowered by this much (logit).
 * The training data (ClaimBuster) holds candidates' sentences only, so this cannot be fitted there; chosen on the
 * CheckThat! 2019 train transcripts (MAP per debate; see model/MODEL_CARD.md).
 */
export const ROLE_PENALTY = -2;

/**
 * One part of a score: its signed contribution to the logit relative to an average training sentence.
 * `feature` is a named structural feature (see features.ts),
 * `word` (one word of the sentence: the character and word n-grams on it, `words` = [the word as written]),
 * `role` (the speaker's role, `words` = [role]), `meaning` (the sentence vector's part, when the sentence was embedded)
 * or `wording` (the rest: POS n-grams).
 */
export interface Contribution {
  feature: string;
  weight: number;
  words?: string[];
}

export interface ScorerOutput {
  /** Probability-like check-worthiness, 0–1. */
  score: number;
  /** The parts of the score, largest |weight| first. */
  contributions: Contribution[];
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
  /** Present when the scorer also reads a sentence vector, for the sentences whose decision it could change. */
  readonly embedder?: SentenceEmbedder;
}

/**
 * On-disk format of the trained model (model/checkworthiness.json). Version 2 adds `embedding`; version 1 files (no
 * sentence vector) still load.
 */
export interface ModelFile {
  format: 'factdesk-checkworthiness/1' | 'factdesk-checkworthiness/2';
  createdAt: string;
  features: FeatureConfig;
  dim: number;
  bias: number;
  threshold: number;
  /** Float32 little-endian weights, base64. */
  weights: string;
  /** Mean contribution of the POS n-grams over the training data (reasons are relative to it). */
  wordingBaseline?: number;
  /** Mean contribution of the character and word n-grams per whitespace-separated word over the training data. */
  wordBaseline?: number;
  /** Mean (normalised) value of each named structural feature over the training data, 0 when absent. */
  namedBaseline?: Record<string, number>;
  /** The sentence-vector group (version 2). */
  embedding?: EmbeddingWeights;
  training: Record<string, unknown>;
}

export interface EmbeddingWeights {
  /** Which encoder made the vectors the weights were fitted on (encoder.ts's ENCODER_NAME). */
  encoder: string;
  dim: number;
  /** Group weight: the vector (unit length) enters as vector × group. */
  group: number;
  /** Float32 little-endian weights, base64, `dim` of them. */
  weights: string;
  /** Mean of the vector's part of the logit over the training data: what a sentence not embedded gets. */
  mean: number;
  /**
   * A sentence is embedded when its logit without the vector (plus `mean`) is within `band` of the threshold's logit:
   * `band` is the `bandQuantile` quantile of |part − mean| over the training data, so outside it a decision turns only
   * for the sentences whose vector pulls harder than that.
   */
  band: number;
  bandQuantile: number;
}

const floats = (base64: string): Float32Array => {
  const buf = Buffer.from(base64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
};

export class LinearScorer implements CheckworthinessScorer {
  readonly name = 'hashed-linear-logreg';
  readonly threshold: number;
  readonly features: FeatureConfig;
  private readonly w: Float32Array;
  private readonly b: number;
  private readonly baseline: number;
  private readonly namedMean: Record<string, number>;
  private readonly chunkMean: number;
  /** The sentence vector's weights (times its group weight) and mean part, for a version 2 model. */
  private readonly wEmb: Float32Array | null = null;
  private readonly embMean: number = 0;
  readonly embedder?: SentenceEmbedder;

  /** `encode` replaces the sentence encoder (tests). */
  constructor(model: ModelFile, encode?: (texts: string[]) => Promise<Float32Array[]>) {
    const known = model.format === 'factdesk-checkworthiness/1' || model.format === 'factdesk-checkworthiness/2';
    if (!known || model.dim !== DIM || (model.format === 'factdesk-checkworthiness/2') !== !!model.embedding) {
      throw new Error(`unsupported claim-detection model (format ${model.format}, dim ${model.dim})`);
    }
    if (model.embedding) {
      const e = model.embedding;
      if (e.encoder !== ENCODER_NAME || e.dim !== EMBEDDING_DIM) {
        throw new Error(
          `claim-detection model wants sentence vectors from ${e.encoder} (${e.dim}-d), not ${ENCODER_NAME}`,
        );
      }
      this.wEmb = floats(e.weights).map((w) => w * e.group);
      this.embMean = e.mean;
      this.embedder = new BandEmbedder(e.band, encode);
    }
    this.w = floats(model.weights);
    this.b = model.bias;
    this.baseline = model.wordingBaseline ?? 0;
    this.namedMean = model.namedBaseline ?? {};
    this.chunkMean = model.wordBaseline ?? 0;
    this.threshold = model.threshold;
    this.features = model.features;
  }

  score(input: ScorerInput): ScorerOutput {
    const cfg = this.features;
    const g = extractGrouped(input.analysis, input.entities, cfg);
    const x = combine(g, cfg);
    let z = this.b;
    for (let i = 0; i < x.idx.length; i++) z += this.w[x.idx[i]] * x.val[i];
    const contributions: Contribution[] = [];
    // The sentence vector: its part when the sentence was embedded, else the mean part (a reason only in the first case).
    const meaning = this.wEmb ? this.meaning(input.embedding) : 0;
    if (this.wEmb) {
      z += meaning;
      if (input.embedding) contributions.push({ feature: 'meaning', weight: meaning - this.embMean });
    }
    // Named features: weight × (value − its mean value), so what nearly every sentence has counts for little.
    let rest = z - this.b - meaning;
    const sIdx = g.struct.idx;
    for (let i = 0; i < sIdx.length; i++) {
      const name = g.named[i][0];
      const wv = this.w[sIdx[i]] * cfg.gStruct;
      rest -= wv * g.struct.val[i];
      const kind = ENTITY_OF[name];
      const ent = kind && input.entities.find((e) => e.kind === kind);
      contributions.push({
        feature: name,
        weight: wv * (g.struct.val[i] - (this.namedMean[name] ?? 0)),
        ...(ent ? { words: [ent.text] } : {}),
      });
    }
    // Words: the character and word n-grams falling on each word, relative to an average word.
    const perChunk = this.wordParts(input, g);
    for (const c of perChunk) rest -= c.weight + this.chunkMean;
    contributions.push(
      ...perChunk.filter((c) => c.words!.some((w) => !STOPWORDS.has(w.toLowerCase()) && !/^[\d.,]+$/.test(w))),
    );
    contributions.push({ feature: 'wording', weight: rest - this.baseline });
    if (isAskingRole(input.speakerRole)) {
      z += ROLE_PENALTY;
      contributions.push({ feature: 'role', weight: ROLE_PENALTY, words: [input.speakerRole] });
    }
    contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return { score: 1 / (1 + Math.exp(-z)), contributions };
  }

  /** The vector's part of the logit (unit length × group weight · weights); the mean part without a vector. */
  private meaning(e: Float32Array | undefined): number {
    const w = this.wEmb!;
    if (!e) return this.embMean;
    if (e.length !== w.length)
      throw new Error(`sentence vector of ${e.length} dimensions, the model wants ${w.length}`);
    let s = 0;
    let norm = 0;
    for (let j = 0; j < w.length; j++) {
      s += w[j] * e[j];
      norm += e[j] * e[j];
    }
    return s / Math.max(1e-12, Math.sqrt(norm));
  }

  /** Character plus word n-gram contribution of each whitespace-separated word, minus the mean per word. */
  private wordParts(input: ScorerInput, g: GroupedFeatures): Contribution[] {
    const cfg = this.features;
    const text = input.analysis.text;
    const spans = [...text.matchAll(CHUNK)].map((m) => [m.index!, m.index! + m[0].length, m[0]] as const);
    const part = charAttribution(text, cfg, this.w);
    if (part.length !== spans.length) return [];
    if (cfg.gWord > 0 && g.word.idx.length) {
      const val = new Map<number, number>();
      for (let i = 0; i < g.word.idx.length; i++) val.set(g.word.idx[i], g.word.val[i]);
      const chunkOfToken = input.analysis.tokens.map((t) => {
        let c = 0;
        while (c + 1 < spans.length && spans[c + 1][0] <= t.start) c++;
        return c;
      });
      for (const t of wordTerms(input.analysis)) {
        const v = val.get(t.index);
        if (v === undefined) continue;
        val.delete(t.index); // a repeated term is one feature
        const c = (this.w[t.index] * v * cfg.gWord) / t.tokens.length;
        for (const k of t.tokens) part[chunkOfToken[k]] += c;
      }
    }
    return spans.map(([, , word], i) => ({
      feature: 'word',
      weight: part[i] - this.chunkMean,
      words: [word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')],
    }));
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
