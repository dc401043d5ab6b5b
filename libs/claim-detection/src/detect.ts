import type { ClaimEntity } from '@factdesk/domain';
import { classifyClaim } from './claim-type.js';
import { findEntities, isTitleCase } from './entities.js';
import { explain } from './reasons.js';
import { defaultScorer, prepare, type CheckworthinessScorer, type ScorerInput, type ScorerOutput } from './scorer.js';
import { parseDocument } from './structure/document.js';
import type { DetectedSentence, DetectionResult, DetectOptions, SentenceScore } from './types.js';

export interface ScorerOption {
  /** Replace the shipped model (e.g. with a stronger one) without changing callers. */
  scorer?: CheckworthinessScorer;
}

/**
 * Score every input; a scorer with a sentence vector (model format 2) then embeds, in one batch, only the
 * sentences whose decision at `threshold` the vector could change, and scores those again with it.
 */
export async function scoreAll(
  scorer: CheckworthinessScorer,
  inputs: ScorerInput[],
  threshold: number,
): Promise<ScorerOutput[]> {
  const outs = inputs.map((input) => scorer.score(input));
  const embedder = scorer.embedder;
  if (!embedder) return outs;
  const near = outs.flatMap((o, i) => (embedder.near(o.score, threshold) ? [i] : []));
  if (!near.length) return outs;
  const vectors = await embedder.embed(near.map((i) => inputs[i].text));
  near.forEach((i, n) => (outs[i] = scorer.score({ ...inputs[i], embedding: vectors[n] })));
  return outs;
}

/**
 * Find the document's metadata, speakers and sentences, and score each sentence's
 * check-worthiness. Offsets are into `text`: `text.slice(s.start, s.end) === s.text`.
 * Asynchronous because a model with sentence vectors embeds the sentences near its threshold (encoder.ts); run it on
 * ClaimDetectorPool's threads to keep an event loop free.
 */
export async function detectClaims(text: string, options: DetectOptions & ScorerOption = {}): Promise<DetectionResult> {
  const scorer = options.scorer ?? defaultScorer();
  const threshold = options.threshold ?? scorer.threshold;
  const doc = parseDocument(text, { defaultSpeaker: options.defaultSpeaker, outlet: options.outlet });
  const inputs = doc.sentences.map((span) => {
    const sentence = text.slice(span.start, span.end);
    // Who is speaking matters to the score: a moderator's or questioner's line is rarely the claim to check.
    const speakerRole = span.speakerId >= 0 ? doc.registry.roleOf(span.speakerId) : undefined;
    return { ...prepare(sentence), role: span.role, speakerRole };
  });
  const outs = await scoreAll(scorer, inputs, threshold);
  const sentences: DetectedSentence[] = doc.sentences.map((span, i) => {
    const input = inputs[i];
    const out = outs[i];
    const sentence = input.text;
    return {
      text: sentence,
      start: span.start,
      end: span.end,
      speaker: span.speakerId >= 0 ? doc.registry.nameOf(span.speakerId) : null,
      role: span.role,
      score: round(out.score),
      checkworthy: out.score >= threshold,
      type: classifyClaim(input.analysis, input.entities),
      reasons: explain(out),
      entities: (isTitleCase(sentence) ? findEntities(input.analysis, { gazetteerOnly: true }) : input.entities).map(
        (e): ClaimEntity => ({ ...e }),
      ),
    };
  });
  return { metadata: doc.metadata, speakers: doc.registry.list(), sentences, threshold };
}

/** Score standalone sentences (no document structure), e.g. a JSON Lines data set. */
export async function scoreSentences(
  texts: string[],
  options: { threshold?: number } & ScorerOption = {},
): Promise<SentenceScore[]> {
  const scorer = options.scorer ?? defaultScorer();
  const threshold = options.threshold ?? scorer.threshold;
  const inputs = texts.map((t) => prepare(t));
  const outs = await scoreAll(scorer, inputs, threshold);
  return inputs.map((input, i) => ({
    score: round(outs[i].score),
    checkworthy: outs[i].score >= threshold,
    type: classifyClaim(input.analysis, input.entities),
  }));
}

const round = (x: number) => Math.round(x * 10000) / 10000;
