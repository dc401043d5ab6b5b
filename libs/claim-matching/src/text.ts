import stem from 'wink-porter2-stemmer';

// Function words carry no claim: dropping them keeps BM25 and overlaps on the words that identify a claim.
const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those he she they ' +
    'we you i me my our your his her their them us do does did has have had not no so than then there here what which who whom whose ' +
    'when where why how all any some can could would should will shall may might must just also into about over after before up down ' +
    'out more most very s t'
  ).split(' '),
);

/** The raw words of a text: lower-cased, apostrophes dropped ("Trump's" → "trumps"), split on anything else. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
}

/** Words as matched: stop words dropped, Porter2 stems ("vaccines", "vaccinated" → "vaccin"). */
export function terms(text: string): string[] {
  return words(text).map((w) => stem(w));
}

export function termCounts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Adjacent stemmed term pairs: catch word order ("climate change") that single terms miss. */
export function bigrams(list: string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 1; i < list.length; i++) s.add(`${list[i - 1]} ${list[i]}`);
  return s;
}

/** Numbers as written, commas dropped ("1,000" = "1000"): the same figure is strong evidence of the same claim. */
export function numbers(text: string): Set<string> {
  return new Set((text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, '')));
}

/** Stems of capitalised words (names, places, organisations), a cheap stand-in for named entities. */
export function names(text: string): Set<string> {
  return new Set(
    (text.match(/\b[A-Z][a-zA-Z]+/g) ?? []).map((w) => stem(w.toLowerCase())).filter((w) => !STOP_WORDS.has(w)),
  );
}

/** Character trigrams as pg_trgm makes them (each word padded with two spaces before and one after). */
export function trigrams(text: string): Set<string> {
  const s = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!w) continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) s.add(p.slice(i, i + 3));
  }
  return s;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

export function overlap<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
