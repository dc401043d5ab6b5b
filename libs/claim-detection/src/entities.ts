import type { ClaimEntity } from '@factdesk/domain';
import type { Analysis, Token } from './nlp.js';
import { DEMONYMS, NOT_NAMES, ORG_ACRONYMS, ORG_WORDS, PLACE_PHRASES, PLACES, TITLES } from './lexicon.js';

const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'in', 'de', 'von', 'van', 'on', '-', '&']);
const NUMERIC_TYPES: Record<string, 'date' | 'number'> = {
  DATE: 'date',
  TIME: 'date',
  DURATION: 'number',
  CARDINAL: 'number',
  ORDINAL: 'number',
  MONEY: 'number',
  PERCENT: 'number',
};

function isCap(t: Token): boolean {
  const c = t.value.charCodeAt(0);
  return c >= 65 && c <= 90 && t.type === 'word';
}

function kindOf(words: string[], prevTitle: boolean): ClaimEntity['kind'] | null {
  const phrase = words.join(' ').replace(/ - /g, '-');
  if (PLACE_PHRASES.has(phrase)) return phrase === 'Union State' ? 'organisation' : 'place';
  if (/^Republic of /.test(phrase) || /^Kingdom of /.test(phrase)) return 'place';
  if (words.some((w) => ORG_WORDS.has(w)) || (words.length === 1 && ORG_ACRONYMS.has(words[0]))) return 'organisation';
  if (words.length === 1) {
    const w = words[0];
    if (PLACES.has(w)) return 'place';
    if (/^[A-Z]{2,6}$/.test(w) && !NOT_NAMES.has(w)) return 'organisation';
    if (prevTitle) return 'person';
    return null;
  }
  if (words.every((w) => PLACES.has(w) || w === '-')) return 'place';
  if (words.some((w) => ORG_ACRONYMS.has(w)) && words.length <= 4) return 'organisation';
  if (DEMONYMS.has(words[0])) return null;
  if (words.length <= 4 && words.every((w) => /^[A-Z][a-z'’.-]+$/.test(w) || /^[A-Z]\.$/.test(w))) return 'person';
  return null;
}

/**
 * People, organisations and places (from capitalised spans and word lists) plus dates and
 * numbers (from wink's entities), with character offsets into `analysis.text`.
 */
export function findEntities(a: Analysis, options: { gazetteerOnly?: boolean } = {}): ClaimEntity[] {
  const out: ClaimEntity[] = [];
  const toks = a.tokens;
  const covered = new Uint8Array(toks.length);
  for (const e of a.entities) {
    const kind = NUMERIC_TYPES[e.type];
    if (!kind || e.to <= e.from) continue;
    const start = toks[e.from].start;
    const end = toks[e.to - 1].end;
    if (kind === 'number' && !NUMBER_WORD.test(a.text.slice(start, end))) continue;
    out.push({ kind, text: a.text.slice(start, end), start, end });
    for (let i = e.from; i < e.to; i++) covered[i] = 1;
  }
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    const candidate =
      !covered[i] &&
      isCap(t) &&
      (t.pos === 'PROPN' || i > 0 || PLACES.has(t.value) || ORG_ACRONYMS.has(t.value)) &&
      !NOT_NAMES.has(t.value);
    if (!candidate) {
      i++;
      continue;
    }
    // Grow a run of capitalised words joined by connectors ("Organisation for Security and Cooperation in Europe").
    let j = i + 1;
    let last = i;
    while (j < toks.length) {
      const u = toks[j];
      if (covered[j]) break;
      if (isCap(u) && !NOT_NAMES.has(u.value)) {
        last = j;
        j++;
      } else if (
        (CONNECTORS.has(u.lower) || u.value === '-') &&
        j + 1 < toks.length &&
        isCap(toks[j + 1]) &&
        u.start - toks[j - 1].end <= 1
      ) {
        j++;
      } else break;
    }
    if (options.gazetteerOnly) emitKnown(a, i, last + 1, out);
    else emitRun(a, i, last + 1, out, i > 0 && TITLES.has(toks[i - 1].value));
    i = last + 1;
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}

const NUMBER_WORD =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|couple|first|second|third|fourth|fifth|last|next|once|twice|several)\b/i;

/** Longest place at token k (multi-word phrase, "Republic of X", single place), as a token count. */
function placeAt(toks: Token[], k: number, to: number): number {
  for (let len = Math.min(5, to - k); len >= 2; len--) {
    const phrase = toks
      .slice(k, k + len)
      .map((t) => t.value)
      .join(' ')
      .replace(/ - /g, '-');
    if (PLACE_PHRASES.has(phrase) && phrase !== 'Union State') return len;
    if (
      /^(Republic|Kingdom|Federal Republic|People's Republic|State) of [A-Z]\w+$/.test(phrase) &&
      PLACES.has(toks[k + len - 1].value)
    )
      return len;
  }
  return PLACES.has(toks[k].value) ? 1 : 0;
}

function emitRun(a: Analysis, from: number, to: number, out: ClaimEntity[], afterTitle: boolean): void {
  const toks = a.tokens;
  const words = toks.slice(from, to).map((t) => t.value);
  const whole = kindOf(words, false);
  if (whole === 'organisation' || (whole === 'place' && words.length > 1)) {
    push(a, from, to, whole, out);
    return;
  }
  // Split at titles, nationalities and places:
  // "President of the Republic of Belarus Alexander Lukashenko" → Republic of Belarus | Alexander Lukashenko.
  let k = from;
  let prevTitle = afterTitle;
  while (k < to) {
    const w = toks[k].value;
    const place = placeAt(toks, k, to);
    if (place > 0) {
      push(a, k, k + place, 'place', out);
      k += place;
      prevTitle = false;
      continue;
    }
    if (TITLES.has(w) || DEMONYMS.has(w) || CONNECTORS.has(toks[k].lower) || w === 'State') {
      prevTitle = prevTitle || TITLES.has(w) || w === 'State';
      k++;
      continue;
    }
    let m = k;
    while (
      m < to &&
      !TITLES.has(toks[m].value) &&
      !DEMONYMS.has(toks[m].value) &&
      !(CONNECTORS.has(toks[m].lower) && toks[m].value !== '-') &&
      (m === k || placeAt(toks, m, to) === 0)
    )
      m++;
    const seg = toks.slice(k, m).map((t) => t.value);
    const kind = kindOf(seg, prevTitle) ?? (whole === 'person' && seg.length >= 2 ? 'person' : null);
    if (kind) push(a, k, m, kind, out);
    prevTitle = false;
    k = Math.max(m, k + 1);
  }
}

/** Title-case text ("We Never Asked Belarus To Choose"): only known places and organisations. */
function emitKnown(a: Analysis, from: number, to: number, out: ClaimEntity[]): void {
  const toks = a.tokens;
  let k = from;
  while (k < to) {
    const place = placeAt(toks, k, to);
    if (place > 0) {
      push(a, k, k + place, 'place', out);
      k += place;
    } else {
      if (ORG_ACRONYMS.has(toks[k].value)) push(a, k, k + 1, 'organisation', out);
      k++;
    }
  }
}

/** Whether most words are capitalised (headlines, section headings). */
export function isTitleCase(text: string): boolean {
  const words = text.match(/[A-Za-z][\w'’-]*/g) ?? [];
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return words.length >= 4 && caps / words.length > 0.7;
}

function push(a: Analysis, from: number, to: number, kind: ClaimEntity['kind'], out: ClaimEntity[]): void {
  const toks = a.tokens;
  const start = toks[from].start;
  const end = toks[to - 1].end;
  if (end <= start) return;
  out.push({ kind, text: a.text.slice(start, end), start, end });
}
