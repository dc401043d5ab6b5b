import type { ClaimEntity } from '@factdesk/domain';
import { classifyClaim } from './claim-type.js';
import { findEntities, isTitleCase } from './entities.js';
import { explain } from './reasons.js';
import { defaultScorer, prepare, type CheckworthinessScorer } from './scorer.js';
import { parseDocument } from './structure/document.js';
import type { DetectedSentence, DetectionResult, DetectOptions, SentenceScore } from './types.js';

export interface ScorerOption {
  /** Replace the shipped model (e.g. with a stronger one) without changing callers. */
  scorer?: CheckworthinessScorer;
}

/**
 * Find the document's metadata, speakers and sentences, and score each sentence's
 * check-worthiness. Offsets are into `text`: `text.slice(s.start, s.end) === s.text`.
 */
export function detectClaims(text: string, options: DetectOptions & ScorerOption = {}): DetectionResult {
  const scorer = options.scorer ?? defaultScorer();
  const threshold = options.threshold ?? scorer.threshold;
  const doc = parseDocument(text, { defaultSpeaker: options.defaultSpeaker, outlet: options.outlet });
  const sentences: DetectedSentence[] = doc.sentences.map((span) => {
    const sentence = text.slice(span.start, span.end);
    // Who is speaking matters to the score: a moderator's or questioner's line is rarely the claim to check.
    const speakerRole = span.speakerId >= 0 ? doc.registry.roleOf(span.speakerId) : undefined;
    const input = { ...prepare(sentence), role: span.role, speakerRole };
    const out = scorer.score(input);
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
export function scoreSentences(texts: string[], options: { threshold?: number } & ScorerOption = {}): SentenceScore[] {
  const scorer = options.scorer ?? defaultScorer();
  const threshold = options.threshold ?? scorer.threshold;
  return texts.map((t) => {
    const input = prepare(t);
    const { score } = scorer.score(input);
    return {
      score: round(score),
      checkworthy: score >= threshold,
      type: classifyClaim(input.analysis, input.entities),
    };
  });
}

const round = (x: number) => Math.round(x * 10000) / 10000;
