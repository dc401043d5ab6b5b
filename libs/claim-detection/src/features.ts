// The scorer's feature extraction (~470 lines): one file, because training, scoring and reasons' attribution must
// hash exactly the same features, and every feature family here feeds one vector.
import type { ClaimEntity } from '@factdesk/domain';
import type { Analysis } from './nlp.js';

/** Hashed feature space size (2^18). */
export const DIM = 1 << 18;

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  /** Group weights: each group is L2-normalised, then multiplied by its weight (0 = off). */
  gChar: number;
  gWord: number;
  gPos: number;
  gStruct: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { charMin: 2, charMax: 5, gChar: 1, gWord: 0, gPos: 0.5, gStruct: 0.5 };

/** Sparse feature vector. */
export interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

/** Per-group sparse vectors, so training can re-weight groups without re-extracting. */
export interface GroupedFeatures {
  char: Sparse;
  word: Sparse;
  pos: Sparse;
  struct: Sparse;
  /** Named structural features present, for reasons. */
  named: [string, number][];
}

const MASK = DIM - 1;
const SEED_CHAR = 0x811c9dc5;
const SEED_WORD = 0x1b873593;
const SEED_POS = 0x5bd1e995;
const SEED_STRUCT = 0x27d4eb2d;

export function hashString(s: string, seed = SEED_STRUCT): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & MASK;
}

/** Index of a named structural feature in the weight vector. */
const namedCache = new Map<string, number>();
export function namedIndex(name: string): number {
  let h = namedCache.get(name);
  if (h === undefined) {
    h = hashString('S:' + name, SEED_STRUCT);
    namedCache.set(name, h);
  }
  return h;
}

// A reusable accumulator: dense small-integer counts plus the list of touched cells.
const counts = new Uint16Array(DIM);
const touched: number[] = [];
const SUBLINEAR = Float32Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

function add(h: number): void {
  const c = counts[h];
  if (c === 0) touched.push(h);
  if (c < 255) counts[h] = c + 1;
}

/** Sublinear tf (1 + log tf), L2-normalise; empties the accumulator. */
function flush(): Sparse {
  const n = touched.length;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const h = touched[i];
    const v = SUBLINEAR[counts[h]];
    idx[i] = h;
    val[i] = v;
    norm += v * v;
    counts[h] = 0;
  }
  touched.length = 0;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) val[i] *= inv;
  }
  return { idx, val };
}

/** L2-normalised vector of the named structural features (names are unique). */
function structVector(named: [string, number][]): Sparse {
  const idx = new Int32Array(named.length);
  const val = new Float32Array(named.length);
  let norm = 0;
  for (let i = 0; i < named.length; i++) {
    idx[i] = namedIndex(named[i][0]);
    val[i] = named[i][1];
    norm += val[i] * val[i];
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < val.length; i++) val[i] *= inv;
  }
  return { idx, val };
}

/** Lower-case, digits → 0, curly quotes straightened, whitespace collapsed, padded. */
export function normaliseForChars(text: string): string {
  return (
    ' ' +
    text
      .toLowerCase()
      .replace(/[0-9]/g, '0')
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”«»„]/g, '"')
      .replace(/[–—]/g, '-')
      .replace(/…/g, '...')
      .replace(/\s+/g, ' ')
      .trim() +
    ' '
  );
}

/** Same normalisation as `normaliseForChars`, as char codes in a reused buffer (hot path). */
let codeBuf = new Uint16Array(1024);
function charCodes(text: string): Uint16Array {
  if (codeBuf.length < text.length * 3 + 2) codeBuf = new Uint16Array(text.length * 3 + 2);
  let n = 0;
  codeBuf[n++] = 32;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 48 && c <= 57) c = 48;
    else if (c === 0x60) c = 39;
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      if (space) continue;
      codeBuf[n++] = 32;
      space = true;
      continue;
    } else if (c > 127) {
      if (c === 0x2018 || c === 0x2019 || c === 0xb4) c = 39;
      else if (c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) c = 34;
      else if (c === 0x2013 || c === 0x2014) c = 45;
      else if (c === 0x2026) {
        codeBuf[n++] = 46;
        codeBuf[n++] = 46;
        c = 46;
      } else c = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    }
    codeBuf[n++] = c;
    space = false;
  }
  if (!space) codeBuf[n++] = 32;
  return codeBuf.subarray(0, n);
}

const CLOSED = new Set(['DET', 'ADP', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART']);

function hashSeq(parts: string[], from: number, len: number, seed: number): number {
  let h = seed;
  for (let k = 0; k < len; k++) {
    const s = parts[from + k];
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0x7c, 16777619);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & MASK;
}

// ---------------------------------------------------------------------------------------------
// Structural features: named, readable, shared with the reasons an editor sees.

const W = (s: string) => new Set(s.split('|'));
const COMPARATIVE = W(
  'more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|faster|slower|cheaper|richer|poorer|stronger|weaker|longer|shorter|older|younger|increase|increased|decrease|decreased|doubled|tripled|halved|rose|fell|grown|grew|dropped|declined|compared|than',
);
const SUPERLATIVE = W(
  'most|least|largest|biggest|highest|lowest|best|worst|first|last|only|fastest|greatest|smallest|record|ever',
);
const CAUSAL = W(
  'because|cause|caused|causes|causing|result|resulted|results|due|led|leads|lead|consequence|therefore|thus|hence|effect|effects|since|why|blame|blamed|responsible',
);
const FUTURE = W(
  "will|'ll|going|gonna|shall|plan|plans|planned|intend|intends|expect|expected|forecast|predict|soon|future|would",
);
const LAW = W(
  'law|laws|legal|illegal|illegitimate|legally|constitution|constitutional|rule|rules|regulation|regulations|treaty|treaties|agreement|agreements|charter|bill|act|ban|banned|sanction|sanctions|obligation|obligations|commitment|commitments|stipulate|stipulates|court|violation|violated|violate|rights|tax|taxes|veto|vetoed|vote|voted|signed|ratified|legislation|amendment',
);
const REPORTING = W(
  'said|says|say|told|stated|claimed|claims|announced|declared|according|reported|testified|wrote|admitted|quoted|noted|stressed|emphasized|emphasised|accused',
);
const OPINION = W(
  'think|believe|feel|hope|guess|suppose|seems|seem|maybe|perhaps|probably|opinion|convinced|sure|certain|doubt|wish|want|like|love|hate|agree|disagree',
);
const EVALUATIVE = W(
  'absurd|ugly|wrong|right|good|bad|great|terrible|horrible|wonderful|ridiculous|nonsense|outrageous|shameful|disgrace|disaster|disastrous|fantastic|excellent|awful|stupid|crazy|unacceptable|regrettable|hysterical|aggressive|provocative|useful|important|clear|obviously|absolutely|extremely|very|really|truly|deeply|simply|just',
);
const ACTION = W('should|must|need|needs|ought|let|lets|have to|has to');
const COURTESY = W(
  'thank|thanks|congratulations|welcome|pleasure|honored|honoured|privilege|appreciate|evening|morning|afternoon|ladies|gentlemen|please|sorry',
);
const FIRST_SING = W("i|me|my|mine|myself|i'm|i've|i'd|i'll");
const FIRST_PLUR = W("we|us|our|ours|ourselves|we're|we've|we'd|we'll");
const SECOND = W("you|your|yours|yourself|you're|you've|you'd|you'll");
const NEGATION = W("not|no|never|nobody|nothing|none|neither|nor|n't|cannot|without");
const PAST_AUX = W('was|were|had|did|been|ago|since|previously|formerly|once|used');
const WH = W('what|why|how|who|where|when|which|whom|whose|is|are|do|does|did|can|could|will|would|should|have|has');
const SCALE = W(
  'million|millions|billion|billions|trillion|trillions|thousand|thousands|hundred|hundreds|percent|per|cent|dozen|dozens|half|quarter|third|twice|double|triple|majority|minority|average|rate|ratio|number|amount|total|budget|deficit|debt|gdp|income|unemployment|jobs|tax|taxes|dollars|spending|cost|costs|price|prices',
);

function lengthBucket(n: number): string {
  if (n < 5) return 'len<5';
  if (n < 10) return 'len5-9';
  if (n < 20) return 'len10-19';
  if (n < 35) return 'len20-34';
  return 'len35+';
}

/** Named structural features of a sentence (binary unless stated). */
export function structural(a: Analysis, ents: ClaimEntity[]): [string, number][] {
  const f = new Map<string, number>();
  const on = (k: string, v = 1) => f.set(k, Math.max(f.get(k) ?? 0, v));
  const toks = a.tokens;
  let words = 0;
  let propn = 0;
  let nums = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const w = t.lower;
    if (t.type === 'word') words++;
    if (t.pos === 'PROPN') propn++;
    if (t.type === 'number' || t.pos === 'NUM' || t.type === 'decade') {
      nums++;
      on('number');
      const digits = /\d/.test(t.value);
      if (digits) on('digits');
      if (/^(1[6-9]|20)\d\d$/.test(t.value) || t.type === 'decade') on('year');
      if (/[.,]\d/.test(t.value)) on('number_with_separator');
    }
    if (t.type === 'currency' || t.value === '%') on('statistic');
    if (SCALE.has(w)) on('scale_word');
    if (COMPARATIVE.has(w)) on('comparative');
    if (w === 'than') on('than');
    if (SUPERLATIVE.has(w) || (t.pos === 'ADJ' && /est$/.test(w) && w.length > 5)) on('superlative');
    if (CAUSAL.has(w)) on('causal');
    if (FUTURE.has(w)) on('future');
    if (LAW.has(w)) on('law');
    if (REPORTING.has(w)) on('reporting');
    if (OPINION.has(w)) on('opinion_word');
    if (EVALUATIVE.has(w)) on('evaluative');
    if (ACTION.has(w)) on('call_to_action');
    if (COURTESY.has(w)) on('courtesy');
    if (FIRST_SING.has(w)) on('first_person_singular');
    if (FIRST_PLUR.has(w)) on('first_person_plural');
    if (SECOND.has(w)) on('second_person');
    if (NEGATION.has(w)) on('negation');
    if (PAST_AUX.has(w) || (t.pos === 'VERB' && /ed$/.test(w))) on('past');
    if ((w === 'i' || w === 'we') && i + 1 < toks.length) {
      const n = toks[i + 1].lower;
      if (n === 'think' || n === 'believe' || n === 'feel' || n === 'hope' || n === 'guess' || n === 'suppose')
        on('hedged_opinion');
      if (n === 'want' || n === 'will' || n === "'ll" || n === 'need' || n === 'must' || n === 'should')
        on('first_person_intent');
    }
    if (w === 'let' && i + 1 < toks.length && (toks[i + 1].lower === 'me' || toks[i + 1].lower === 'us')) on('let_me');
  }
  if (toks.length > 0) {
    const first = toks[0].lower;
    const last = toks[toks.length - 1].value;
    if (
      a.text
        .trimEnd()
        .replace(/["'”’)\]]+$/, '')
        .endsWith('?')
    )
      on('question');
    else if (last === '!') on('exclamation');
    if (WH.has(first) && toks.length > 2 && a.text.includes('?')) on('question_word_start');
    if (first === 'and' || first === 'but' || first === 'so' || first === 'well' || first === 'now')
      on('starts_with_discourse_marker');
  }
  for (const e of a.entities) {
    on('wink_' + e.type.toLowerCase());
  }
  let people = 0;
  for (const e of ents) {
    if (e.kind === 'person') people++;
    on('entity_' + e.kind);
  }
  if (people > 1) on('several_people');
  if (nums > 1) on('several_numbers');
  on(lengthBucket(words));
  if (words > 0) on('proper_noun_ratio', Math.min(1, (3 * propn) / words));
  if (/["“”]/.test(a.text)) on('quotation_marks');
  return [...f.entries()];
}

// Character n-grams of the sentence being scored, in reusable buffers (no callback in the hottest loop).
let gramHashes = new Int32Array(4096);
let gramMiddles = new Int32Array(4096);

/**
 * Hashes every character n-gram of `codes` (charMin–charMax long) into gramHashes, with the position of its
 * middle character in gramMiddles; returns how many. Scoring and reasons' attribution both read them from here.
 */
function charGrams(codes: ArrayLike<number>, cfg: FeatureConfig): number {
  const L = codes.length;
  const most = L * Math.max(0, cfg.charMax - cfg.charMin + 1);
  if (gramHashes.length < most) {
    gramHashes = new Int32Array(most);
    gramMiddles = new Int32Array(most);
  }
  let n = 0;
  for (let i = 0; i < L; i++) {
    let h = SEED_CHAR;
    const maxK = Math.min(cfg.charMax, L - i);
    for (let k = 0; k < maxK; k++) {
      h = Math.imul(h ^ codes[i + k], 16777619);
      if (k + 1 >= cfg.charMin) {
        let x = h ^ (h >>> 15);
        x = Math.imul(x, 0x2c1b3c6d);
        gramHashes[n] = (x ^ (x >>> 12)) & MASK;
        gramMiddles[n++] = i + (k >> 1);
      }
    }
  }
  return n;
}

/** Extract the four feature groups of one analysed sentence. */
export function extractGrouped(a: Analysis, ents: ClaimEntity[], cfg: FeatureConfig): GroupedFeatures {
  // Character n-grams.
  let char: Sparse = EMPTY;
  if (cfg.gChar > 0) {
    const n = charGrams(charCodes(a.text), cfg);
    for (let i = 0; i < n; i++) add(gramHashes[i]);
    char = flush();
  }
  const toks = a.tokens;
  // Word unigrams and bigrams.
  let word: Sparse = EMPTY;
  if (cfg.gWord > 0) {
    for (const t of wordTerms(a)) add(t.index);
    word = flush();
  }
  // POS n-grams, plus "mixed" n-grams where closed-class words stay words.
  let pos: Sparse = EMPTY;
  if (cfg.gPos > 0) {
    const tags = ['BOS'];
    const mixed = ['BOS'];
    for (const t of toks) {
      tags.push(t.pos);
      mixed.push(CLOSED.has(t.pos) || t.pos === 'PUNCT' ? t.lower : t.pos === 'NUM' ? 'NUM' : t.pos);
    }
    tags.push('EOS');
    mixed.push('EOS');
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= tags.length; i++) {
        add(hashSeq(tags, i, n, SEED_POS));
        if (n > 1) add(hashSeq(mixed, i, n, SEED_POS ^ 0x5555));
      }
    }
    pos = flush();
  }
  const named = structural(a, ents);
  const struct = structVector(named);
  return { char, word, pos, struct, named };
}

/**
 * Each whitespace-separated chunk of `text` with the share of the character n-gram contribution
 * (Σ weight × value) that falls on it: an n-gram counts for the chunk under its middle character. Reasons use it to
 * say which words made the character part of the model pull up or down.
 */
export function charAttribution(text: string, cfg: FeatureConfig, w: ArrayLike<number>): number[] {
  const codes = charCodes(text);
  const L = codes.length;
  const chunkOf = new Int32Array(L);
  let chunks = -1;
  for (let i = 0; i < L; i++) {
    if (codes[i] === 32) chunks++;
    chunkOf[i] = Math.max(0, codes[i] === 32 ? chunks - 1 : chunks);
  }
  const out = new Array<number>(Math.max(0, chunks)).fill(0);
  if (!out.length || cfg.gChar <= 0) return out;
  // Pass 1 counts the n-grams (in the shared accumulator) for the norm; pass 2 shares each one's part out.
  const n = charGrams(codes, cfg);
  for (let i = 0; i < n; i++) add(gramHashes[i]);
  let norm = 0;
  for (const h of touched) norm += SUBLINEAR[counts[h]] * SUBLINEAR[counts[h]];
  const inv = norm > 0 ? cfg.gChar / Math.sqrt(norm) : 0;
  const last = out.length - 1;
  for (let i = 0; i < n; i++) {
    const h = gramHashes[i];
    const at = chunkOf[gramMiddles[i]];
    const c = counts[h];
    out[at < last ? at : last] += (w[h] * SUBLINEAR[c] * inv) / c;
  }
  for (const h of touched) counts[h] = 0;
  touched.length = 0;
  return out;
}

/** The chunks `charAttribution` counts: runs of characters other than the whitespace it collapses. */
export const CHUNK = /[^ \t\n\r\u00a0]+/g;

/** A word uni- or bigram of a sentence: its hashed index and the tokens it is made of. */
export interface WordTerm {
  index: number;
  /** Indices into `analysis.tokens` (a boundary bigram has one). */
  tokens: number[];
}

/** The sentence's word unigrams and bigrams (with sentence boundaries), as the word group hashes them. */
export function wordTerms(a: Analysis): WordTerm[] {
  const ws = ['<s>'];
  const at = [-1];
  a.tokens.forEach((t, i) => {
    if (t.type !== 'punctuation') {
      ws.push(t.lower.replace(/[0-9]/g, '0'));
      at.push(i);
    }
  });
  ws.push('</s>');
  at.push(-1);
  const out: WordTerm[] = [];
  for (let i = 1; i < ws.length - 1; i++) out.push({ index: hashSeq(ws, i, 1, SEED_WORD), tokens: [at[i]] });
  for (let i = 0; i < ws.length - 1; i++)
    out.push({ index: hashSeq(ws, i, 2, SEED_WORD), tokens: [at[i], at[i + 1]].filter((t) => t >= 0) });
  return out;
}

const EMPTY: Sparse = { idx: new Int32Array(0), val: new Float32Array(0) };

/** Combine groups with their weights into one sparse vector. */
export function combine(g: GroupedFeatures, cfg: FeatureConfig): Sparse {
  const parts: [Sparse, number][] = [
    [g.char, cfg.gChar],
    [g.word, cfg.gWord],
    [g.pos, cfg.gPos],
    [g.struct, cfg.gStruct],
  ];
  let n = 0;
  for (const [s, w] of parts) if (w > 0) n += s.idx.length;
  const idx = new Int32Array(n);
  const val = new Float32Array(n);
  let o = 0;
  for (const [s, w] of parts) {
    if (w <= 0) continue;
    for (let i = 0; i < s.idx.length; i++) {
      idx[o] = s.idx[i];
      val[o++] = s.val[i] * w;
    }
  }
  return { idx, val };
}
