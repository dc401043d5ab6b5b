import { questionerName, type SpeakerKind, type SpeakerRole } from '@factdesk/domain';
import type { DetectedSpeaker } from './types.js';
import { DEMONYMS, NOT_NAMES, ORG_ACRONYMS, ORG_WORDS, PLACES, PLACE_PHRASES, TITLES } from './lexicon.js';
import { displayCase, ROLE_LABEL } from './structure/transcript.js';

const EXTRA_ROLE_WORDS = new Set([
  'of',
  'the',
  'for',
  'and',
  'State',
  'Affairs',
  'Republic',
  'Federation',
  'Foreign',
  'Minister',
  'Ministry',
]);

export interface ParsedSpeaker {
  /** Display name without titles: "Sergey Lavrov", "Lavrov", "MEMRI", "Interviewer". */
  name: string;
  kind: SpeakerKind;
  /** Matching key: folded surname for people, folded name for organisations. */
  key: string;
  given: string[];
  surname: string;
  interviewer: boolean;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Normalise a speaker label or mention: drops titles, roles, nationalities, possessives and
 * series prefixes. "Russian FM Lavrov", "Foreign Minister Sergey Lavrov's", "Lavrov" all give
 * surname "Lavrov" (key "lavrov").
 */
export function parseSpeakerName(raw: string): ParsedSpeaker {
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
  // "Russia's Orbit – Russian FM Lavrov" → the part after the last dash or bar.
  const parts = s.split(/\s+[–—|-]\s+/);
  s = parts[parts.length - 1]
    .replace(/['’]s\b.*$/, '') // possessive and anything after
    .trim();
  const questioner = questionerName(s) ?? questionerName(s.replace(/^(audience member)s$/i, '$1'));
  if (questioner) {
    return {
      name: questioner,
      kind: 'person',
      key: fold(questioner),
      given: [],
      surname: questioner,
      interviewer: true,
    };
  }
  // A one-word shouted label is a surname (KASICH, RUBIO), unless it is a known acronym or has no vowel (CNN).
  const acronym = (w: string) => ORG_ACRONYMS.has(w) || (/^[A-Z&]{2,}$/.test(w) && !/[AEIOUY]/.test(w));
  // Shouted: no word in ordinary capitalisation ("McCAIN", "SEN. SANDERS"; not "NATO Secretary General Jens Stoltenberg").
  const shouted = /\p{Lu}{2}/u.test(s) && !s.split(' ').some((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
  if (shouted && !(s.indexOf(' ') < 0 && acronym(s))) s = displayCase(s);
  if (ROLE_LABEL.test(s) || /^(unidentified|unknown|unnamed)\b|^(speaker|participant) \d+$/i.test(s)) {
    // "THE PRESIDENT", "UNIDENTIFIED MALE", "Speaker 1": a person the label does not name.
    return { name: s, kind: 'person', key: fold(s), given: [], surname: s, interviewer: false };
  }
  const words = s.split(' ').filter(Boolean);
  if (words.some((w) => ORG_WORDS.has(w)) || (words.length === 1 && acronym(words[0]))) {
    return { name: s, kind: 'organisation', key: fold(s), given: [], surname: s, interviewer: false };
  }
  // The name is the last run of words that are not titles, roles, places or nationalities.
  const isRole = (w: string) =>
    TITLES.has(w) ||
    DEMONYMS.has(w) ||
    PLACES.has(w) ||
    EXTRA_ROLE_WORDS.has(w) ||
    ORG_ACRONYMS.has(w) ||
    /^[a-z]/.test(w) ||
    /^[A-Z]\.[A-Z]\.$/.test(w);
  let end = words.length;
  while (end > 0 && isRole(words[end - 1]) && end > 1) end--;
  let start = end - 1;
  while (start > 0 && !isRole(words[start - 1])) start--;
  let nameWords = words.slice(start, end);
  const joined = nameWords.join(' ');
  if (PLACE_PHRASES.has(joined)) nameWords = [joined];
  const surname = nameWords[nameWords.length - 1] ?? s;
  return {
    name: nameWords.join(' ') || s,
    kind: 'person',
    key: fold(surname),
    given: nameWords.slice(0, -1),
    surname,
    interviewer: false,
  };
}

function compatible(a: ParsedSpeaker, b: ParsedSpeaker): boolean {
  if (a.kind !== b.kind || a.key !== b.key) return false;
  if (a.kind === 'organisation') return true;
  const ga = a.given.map(fold);
  const gb = b.given.map(fold);
  if (!ga.length || !gb.length) return true;
  const x = ga[0];
  const y = gb[0];
  return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/** Whether two labels or mentions denote the same speaker ("FM Lavrov" ~ "Sergey Lavrov"). */
export function sameSpeaker(a: string, b: string): boolean {
  return compatible(parseSpeakerName(a), parseSpeakerName(b));
}

/**
 * Index of the known speaker (by name or any alias) that `raw` refers to, or -1. For the
 * worker to attach detected speakers to existing ones.
 */
export function matchSpeaker(raw: string, known: { name: string; aliases?: string[] }[]): number {
  const p = parseSpeakerName(raw);
  for (let i = 0; i < known.length; i++) {
    for (const form of [known[i].name, ...(known[i].aliases ?? [])]) {
      if (compatible(p, parseSpeakerName(form))) return i;
    }
  }
  return -1;
}

interface Entry {
  parsed: ParsedSpeaker;
  name: string;
  aliases: Set<string>;
  kind: SpeakerKind;
  role?: SpeakerRole;
}

/** Where a label's person may be named: "THE PRESIDENT" under "Remarks by President Trump …". */
export interface LabelContext {
  title?: string;
  head?: string;
}

/** Collects the speakers of one document, merging aliases into one canonical speaker each. */
export class SpeakerRegistry {
  private readonly entries: Entry[] = [];

  /** Register a mention or label; returns the canonical name of its speaker (so far). */
  resolve(raw: string, kind?: SpeakerKind): string {
    return this.nameOf(this.resolveId(raw, kind));
  }

  /** Current canonical name of a speaker id (may grow: "Lavrov" → "Sergey Lavrov"). */
  nameOf(id: number): string {
    return this.entries[id].name;
  }

  /** Register a mention or label; returns a stable id for its speaker. */
  resolveId(raw: string, kind?: SpeakerKind): number {
    // Keep the speaker part of a series-prefixed label: "Russia's Orbit – Russian FM Lavrov" → "Russian FM Lavrov".
    const surface = raw
      .replace(/\s+/g, ' ')
      .replace(/[:：]\s*$/, '')
      .trim()
      .split(/\s+[–—|-]\s+/)
      .pop()!
      .trim();
    let parsed = parseSpeakerName(surface);
    if (kind === 'organisation' && parsed.kind !== 'organisation') {
      parsed = { ...parsed, kind, name: surface, key: fold(surface), given: [], surname: surface };
    }
    let e = this.entries.find((x) => compatible(x.parsed, parsed));
    if (!e) {
      e = { parsed, name: parsed.name, aliases: new Set(), kind: parsed.kind };
      this.entries.push(e);
    } else if (parsed.given.length > e.parsed.given.length) {
      // Prefer the fullest form as the canonical name ("Sergey Lavrov" over "Lavrov").
      e.parsed = parsed;
      e.name = parsed.name;
    }
    e.aliases.add(surface);
    if (parsed.name !== surface) e.aliases.add(parsed.name);
    return this.entries.indexOf(e);
  }

  /**
   * Register a transcript turn label ("O'MALLEY", "SEN. SANDERS", "THE PRESIDENT"); the label as printed is kept
   * as an alias. A role label takes the name the title or header gives it ("President Trump").
   */
  resolveLabel(label: string, context: LabelContext = {}): number {
    const role = ROLE_LABEL.exec(label.trim());
    if (role) {
      const title = displayCase(role[1]).replace(/\s+/g, '\\s+');
      const re = new RegExp(`\\b${title}\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)`, 'u');
      const m = re.exec(context.title ?? '') ?? re.exec(context.head ?? '');
      // "President Trump in Press Conference" → "Trump": the name ends before the first word that is not one.
      const words = m ? m[1].split(/\s+/) : [];
      const cut = words.findIndex((w) => NOT_NAMES.has(w));
      const name = words.slice(0, cut < 0 ? words.length : cut).join(' ');
      if (name) {
        const id = this.resolveId(name);
        this.entries[id].aliases.add(label.trim());
        return id;
      }
    }
    return this.resolveId(label);
  }

  /** The parsed form of a speaker's canonical name. */
  parsedOf(id: number): ParsedSpeaker {
    return this.entries[id].parsed;
  }

  /** Every form of a speaker: canonical name and aliases. */
  formsOf(id: number): string[] {
    return [this.entries[id].name, ...this.entries[id].aliases];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Take a fuller name for a speaker ("Kasich" → "John Kasich"), keeping the old forms as aliases. */
  adopt(id: number, given: string[]): void {
    const e = this.entries[id];
    if (given.length <= e.parsed.given.length) return;
    const p: ParsedSpeaker = { ...e.parsed, given, name: [...given, e.parsed.surname].join(' ') };
    // Another speaker already carries that name: keep them apart.
    if (this.entries.some((x, i) => i !== id && compatible(x.parsed, p) && x.parsed.given.length)) return;
    e.aliases.add(e.name);
    e.parsed = p;
    e.name = p.name;
  }

  setRole(id: number, role: SpeakerRole): void {
    this.entries[id].role = role;
  }

  roleOf(id: number): SpeakerRole | undefined {
    return this.entries[id].role;
  }

  /** Id of an already-registered speaker, without adding aliases; -1 when none. */
  find(raw: string): number {
    const p = parseSpeakerName(raw);
    return this.entries.findIndex((x) => compatible(x.parsed, p));
  }

  /** Canonical name of an already-registered speaker, without adding aliases. */
  canonical(raw: string): string | null {
    const p = parseSpeakerName(raw);
    return this.entries.find((x) => compatible(x.parsed, p))?.name ?? null;
  }

  list(): DetectedSpeaker[] {
    return this.entries.map((e) => ({
      name: e.name,
      aliases: [...e.aliases].filter((a) => a !== e.name).sort(),
      kind: e.kind,
      role: e.role ?? (e.kind === 'organisation' ? 'publication' : 'participant'),
    }));
  }
}
