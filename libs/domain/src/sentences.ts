import type { ClaimState } from './claims.js';

// Every scored sentence of a document is kept; these rules say which of them are claims at a document's
// threshold, and what moving that threshold may touch. The API and the worker apply them; neither restates them.

/** The parts of a document's sentences `GET /api/documents/:id/sentences?band=` lists. */
export const SENTENCE_BANDS = ['near_misses', 'claims', 'all'] as const;
export type SentenceBand = (typeof SENTENCE_BANDS)[number];

/**
 * Near misses are the sentences below the threshold that are no claim (highest scores first, the ones worth a
 * second look); claims are the sentences that are one, whatever their score (a promoted near miss included).
 */
export function inSentenceBand(band: SentenceBand, score: number, threshold: number, hasClaim: boolean): boolean {
  if (band === 'all') return true;
  if (band === 'claims') return hasClaim;
  return !hasClaim && !isClaimAt(score, threshold);
}

/** A sentence is a claim at `threshold` when its score reaches it (the detector's own rule: score >= threshold). */
export const isClaimAt = (score: number, threshold: number): boolean => score >= threshold;

/** The thresholds an editor may set: a score, 0–1. */
export const validThreshold = (t: number): boolean => Number.isFinite(t) && t >= 0 && t <= 1;

/** What the threshold rule needs to know about a sentence's existing claim. */
export interface SentenceClaim {
  id: string;
  state: ClaimState;
  /** A person made it (entered by hand, or promoted from a near miss), not the detector. */
  byPerson: boolean;
  /** A person has done anything to it: an edit, a comment, an assignment, a workflow step (any audit event). */
  touched: boolean;
}

/**
 * Whether a threshold change may take a claim back out of the inbox: only the detector's own, still
 * `detected`, that no person has touched. Anything a person made, changed or triaged stays, whatever the
 * threshold: moving it never loses triaged work.
 */
export const removableByThreshold = (claim: SentenceClaim): boolean =>
  claim.state === 'detected' && !claim.byPerson && !claim.touched;

export interface ThresholdSentence {
  score: number;
  /** Its claim (a claim with the sentence's span), when there is one. */
  claim: SentenceClaim | null;
}

export interface ThresholdPlan {
  /** Indexes of sentences that become claims (at or above the threshold, with no claim yet). */
  create: number[];
  /** Claims taken back out (below the threshold, removable). */
  remove: string[];
  /** Claims below the threshold that stay because a person made, touched or triaged them. */
  keep: string[];
}

/** What setting a document's threshold to `threshold` does to its sentences and their claims. */
export function planThreshold(sentences: readonly ThresholdSentence[], threshold: number): ThresholdPlan {
  const plan: ThresholdPlan = { create: [], remove: [], keep: [] };
  sentences.forEach((s, i) => {
    const above = isClaimAt(s.score, threshold);
    if (above && !s.claim) plan.create.push(i);
    else if (!above && s.claim) (removableByThreshold(s.claim) ? plan.remove : plan.keep).push(s.claim.id);
  });
  return plan;
}
