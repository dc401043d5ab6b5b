/**
 * Offset-preserving sentence splitter: handles abbreviations (U.S., St., No. 6998, e.g.),
 * initials (J. F. Kennedy), decimals, quotes, brackets, dashes and ellipses.
 */

const ABBREV = new Set(
  (
    'mr mrs ms dr st mt ft jr sr prof gen sen rep gov col lt sgt capt cmdr adm rev hon messrs dept approx est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al ca vs viz fm ave blvd univ assn bros'
  ).split(' '),
);
/** Abbreviations only before a number ("No. 6998", "p. 12"). */
const NUMERIC_ABBREV = new Set(['no', 'nos', 'nr', 'art', 'p', 'pp', 'vol', 'sec', 'fig', 'ch', 'para', 'op']);
/** May end a sentence: a boundary when the next word is a typical sentence opener. */
const AMBIGUOUS = new Set([
  'etc',
  'inc',
  'corp',
  'ltd',
  'co',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'a.m',
  'p.m',
  'jr',
  'sr',
  'd.c',
  'u.s.a',
  'ussr',
]);
const OPENERS = new Set(
  (
    'The A An And But Or So If We It This That These Those There Here I He She They You Our Their His Her Its My In On At As ' +
    'However Yet Still Then Now When While After Before Although Though Because Since Instead Meanwhile Moreover Also ' +
    'Nevertheless Finally First Second Third Today What Why How Who Where Which No Yes All Some Many Most Let Thank Even'
  ).split(' '),
);

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’»)]';
const QUOTES = '"“”«»';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

function wordBefore(text: string, dot: number, from: number): string {
  let i = dot - 1;
  while (i >= from && /[A-Za-z.]/.test(text[i])) i--;
  return text.slice(i + 1, dot);
}

function nextWord(text: string, i: number, to: number): string {
  let j = i;
  while (j < to && /[^\s]/.test(text[j]) && !/[A-Za-z0-9]/.test(text[j])) j++;
  const s = j;
  while (j < to && /[A-Za-z']/.test(text[j])) j++;
  return text.slice(s, j);
}

/** Sentence spans [start, end) within text[from, to), trimmed; quote wrappers are left to `trimSpan`. */
export function splitSentences(text: string, from = 0, to = text.length): [number, number][] {
  const spans: [number, number][] = [];
  let start = from;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (TERMINATORS.includes(c)) {
      let j = i;
      while (j < to && TERMINATORS.includes(text[j])) j++;
      const run = text.slice(i, j);
      while (j < to && CLOSERS.includes(text[j])) j++;
      // Footnote marks right after the terminator: "… end.[1] Next"
      const foot = /^\[\d{1,3}\]/.exec(text.slice(j, Math.min(to, j + 6)));
      if (foot) j += foot[0].length;
      if (j < to && !isSpace(text[j])) {
        i = j;
        continue;
      }
      let k = j;
      while (k < to && isSpace(text[k])) k++;
      let boundary = true;
      if (k < to) {
        const next = text[k];
        const lower = next >= 'a' && next <= 'z';
        if (lower) boundary = false;
        else if (run === '.') {
          const w = wordBefore(text, i, start);
          const lw = w.toLowerCase().replace(/\.$/, '');
          const digitNext = next >= '0' && next <= '9';
          if (NUMERIC_ABBREV.has(lw) && digitNext) boundary = false;
          else if (AMBIGUOUS.has(lw)) boundary = OPENERS.has(nextWord(text, k, to));
          else if (ABBREV.has(lw)) boundary = false;
          else if (/^[A-Z]$/.test(w))
            boundary = false; // initial
          else if (/^([A-Za-z]\.)+[A-Za-z]$/.test(w)) boundary = OPENERS.has(nextWord(text, k, to));
        }
      }
      if (boundary) {
        pushSpan(text, start, j, spans);
        start = k;
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  pushSpan(text, start, to, spans);
  return spans;
}

function pushSpan(text: string, s: number, e: number, out: [number, number][]): void {
  const t = trimSpan(text, s, e);
  if (t && /[A-Za-z0-9]/.test(text.slice(t[0], t[1]))) out.push(t);
}

function countQuotes(text: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (QUOTES.includes(text[i])) n++;
  return n;
}

/** Trim whitespace, a leading ellipsis, and quote marks left unbalanced by the split. */
export function trimSpan(text: string, s: number, e: number): [number, number] | null {
  const ws = () => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
  };
  ws();
  for (let guard = 0; guard < 3 && s < e; guard++) {
    const n = countQuotes(text, s, e);
    if (n % 2 === 1) {
      if (QUOTES.includes(text[s])) s++;
      else if (QUOTES.includes(text[e - 1])) e--;
      else break;
    } else if (n === 2 && QUOTES.includes(text[s]) && QUOTES.includes(text[e - 1]) && e - s > 2) {
      s++;
      e--;
    } else if (text[s] === '…' || text.startsWith('...', s)) {
      s += text[s] === '…' ? 1 : 3;
    } else break;
    ws();
  }
  return e > s ? [s, e] : null;
}
