// Repeated documents and repeated claims (issue 19): when two texts are the same for a newsroom's purposes.
// Pure rules: the worker fingerprints documents with them, the database stores and compares the fingerprints.

/** Words as a reader sees them: case, punctuation, whitespace and line breaks do not count. */
export function textWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Words that carry content: of three letters or more, or with a digit. "They didn’t know the year" has five
 * (the "t" of "didn’t" is not one), "Women at a 17-year low" four.
 */
export const contentWordCount = (text: string): number =>
  textWords(text).filter((w) => w.length >= 3 || /\p{N}/u.test(w)).length;

/** One claim's text as a key: two claims with the same key say the same words. */
export const claimTextKey = (text: string): string => textWords(text).join(' ');

/** Positions in a document's signature (MinHash): the similarity estimate's error is about 1/√64 ≈ 0.06 at worst. */
export const SIGNATURE_SIZE = 64;
/** The signature in bands of this many positions: two documents sharing any band are compared (LSH). */
const BAND_ROWS = 4;
/** Words per shingle: long enough that two different speeches share few, short enough that an edit changes few. */
const SHINGLE_WORDS = 5;
/**
 * A document at least this similar (estimated Jaccard of its word shingles) to an earlier one is a version of
 * it: the same transcript pasted again, re-encoded, lightly edited or with another header. Two debates of one
 * series share their boilerplate, far below this.
 */
export const VERSION_SIMILARITY = 0.8;

export interface TextFingerprint {
  /** SIGNATURE_SIZE minimum hashes (signed 32-bit, as PostgreSQL integers). */
  signature: number[];
  /** One hash per band of the signature: the index a candidate is found by. */
  bands: number[];
}

/** FNV-1a over a string's UTF-16 units: a fast, well-spread 32-bit hash (unsigned). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: from one hash, SIGNATURE_SIZE independent-looking ones (one per seed). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i));

/** A document's MinHash fingerprint over its word shingles; null for a text with no words. */
export function textFingerprint(text: string): TextFingerprint | null {
  const words = textWords(text);
  if (!words.length) return null;
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  const shingles = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < shingles; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let j = 0; j < SIGNATURE_SIZE; j++) {
      const v = mix(h ^ SEEDS[j]);
      if (v < mins[j]) mins[j] = v;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < SIGNATURE_SIZE / BAND_ROWS; b++)
    bands.push(fnv1a(`${b}:${mins.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS).join(',')}`) | 0);
  return { signature: mins.map((v) => v | 0), bands };
}

/** Estimated Jaccard similarity of two documents' shingles: the share of signature positions they agree on. */
export function fingerprintSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The earlier document this one is a version of: the most similar candidate at VERSION_SIMILARITY or above. */
export function versionOf<T extends { id: string; signature: readonly number[] }>(
  signature: readonly number[],
  candidates: readonly T[],
): { document: T; similarity: number } | null {
  let best: { document: T; similarity: number } | null = null;
  for (const document of candidates) {
    const similarity = fingerprintSimilarity(signature, document.signature);
    if (similarity >= VERSION_SIMILARITY && (!best || similarity > best.similarity)) best = { document, similarity };
  }
  return best;
}

/**
 * From this matcher probability up, a new claim that may repeat an already fact-checked claim is reported to
 * the editors as a repeat (it stays in triage with the proposal; an editor confirms with "duplicate of").
 * On CheckThat! 2020 (tweets against fact-checked claims) 0.752 already gives precision ≥ 0.95 on train, but
 * the calibration does not carry over to debate transcripts: read by a person, the proposals across the
 * CheckThat! 2019 debates were right 34 times in 49 from 0.95 up and 1 in 15 sampled between 0.76 and 0.95
 * (docs/benchmarks.md, eval:repeats). An alert nobody should act on is noise in the editors' bell.
 */
export const REPEAT_ALERT_SIMILARITY = 0.95;
/**
 * Content words (contentWordCount) a claim and the checked claim must each have before a likeness is proposed as a repeat. The matcher was
 * trained on tweets against fact-checked claims; on debate transcripts it rates short lines ("It's a disaster.",
 * "She totally lied.", "Bill Clinton.") near-certain matches of other short lines (`npm run eval:repeats`).
 */
export const REPEAT_MIN_WORDS = 4;

/** A link the matcher made from a newly detected claim to a stored claim in another document. */
export interface ArrivalLink {
  /** The matched claim's cluster: its first claim. */
  headId: string;
  /** The matched claim says the same words (claimTextKey equal). */
  sameText: boolean;
  similarity: number;
  /** The matched claim's cluster has a live (published or corrected) fact-check. */
  headChecked: boolean;
  /** Content words in the matched claim (contentWordCount). */
  words: number;
}

export interface Arrival {
  state: string;
  /** Content words in the new claim (contentWordCount). */
  words: number;
  /** When it arrived as a duplicate (a version of an earlier document): its cluster's first claim. */
  duplicateOf: { headId: string; headChecked: boolean } | null;
  links: readonly ArrivalLink[];
}

export interface ArrivalDecision {
  /** Join this cluster (the claim's words are already in another document): it leaves triage. */
  join: string | null;
  /** Tell the editors the claim repeats this fact-checked cluster. */
  alert: { headId: string; similarity: number } | null;
}

/**
 * What a newly detected claim's repeats mean for the desk. The same words as a claim in another document join
 * that claim's cluster on their own (a cluster is checked once); a claim only like a fact-checked one is
 * proposed, not joined, and alerts the editors from REPEAT_ALERT_SIMILARITY up (both of REPEAT_MIN_WORDS or more); joining a fact-checked cluster
 * alerts them too. A claim someone has triaged already is left as they left it.
 */
export function repeatOnArrival(arrival: Arrival): ArrivalDecision {
  if (arrival.state === 'duplicate' && arrival.duplicateOf)
    return {
      join: null,
      alert: arrival.duplicateOf.headChecked ? { headId: arrival.duplicateOf.headId, similarity: 1 } : null,
    };
  if (arrival.state !== 'detected') return { join: null, alert: null };
  const byLikeness = [...arrival.links].sort((a, b) => b.similarity - a.similarity);
  const same = byLikeness.find((l) => l.sameText);
  if (same) return { join: same.headId, alert: same.headChecked ? { headId: same.headId, similarity: 1 } : null };
  const substantial = (words: number) => words >= REPEAT_MIN_WORDS;
  const checked = substantial(arrival.words)
    ? byLikeness.find((l) => l.headChecked && l.similarity >= REPEAT_ALERT_SIMILARITY && substantial(l.words))
    : undefined;
  return { join: null, alert: checked ? { headId: checked.headId, similarity: checked.similarity } : null };
}

/** The editors' notification of a repeat, with the rating the earlier check gave. */
export function repeatAlertMessage(text: string, rating: string | null, joined: boolean): string {
  const quoted = text.length > 90 ? `${text.slice(0, 87)}…` : text;
  const what = joined ? 'repeats a claim already checked' : 'may repeat a claim already checked';
  return `Repeated: “${quoted}” ${what}${rating ? ` (rated ${rating})` : ''}.`;
}
