import type { SpeakerKind } from '@factdesk/domain';
import type { DetectedSpeaker } from './types.js';
import { DEMONYMS, ORG_ACRONYMS, ORG_WORDS, PLACES, PLACE_PHRASES, TITLES } from './lexicon.js';

/** Labels that mean "the person asking the questions". */
const INTERVIEWER_LABELS = new Set(['q', 'question', 'interviewer', 'journalist', 'correspondent', 'reporter', 'host']);
const EXTRA_ROLE_WORDS = new Set(['of', 'the', 'for', 'and', 'State', 'Affairs', 'Republic', 'Federation', 'Foreign', 'Minister', 'Ministry']);

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
  let s = raw.replace(/\s+/g, ' ').replace(/[:：]\s*$/, '').trim();
  // "Russia's Orbit – Russian FM Lavrov" → the part after the last dash or bar.
  const parts = s.split(/\s+[–—|-]\s+/);
  s = parts[parts.length - 1]
    .replace(/['’]s\b.*$/, '') // possessive and anything after
    .trim();
  const lower = fold(s);
  if (INTERVIEWER_LABELS.has(lower)) {
    return { name: 'Interviewer', kind: 'person', key: 'interviewer', given: [], surname: 'Interviewer', interviewer: true };
  }
  if (lower === 'moderator') {
    return { name: 'Moderator', kind: 'person', key: 'moderator', given: [], surname: 'Moderator', interviewer: true };
  }
  const words = s.split(' ').filter(Boolean);
  if (words.some((w) => ORG_WORDS.has(w)) || (words.length === 1 && (ORG_ACRONYMS.has(words[0]) || /^[A-Z]{3,}$/.test(words[0])))) {
    return { name: s, kind: 'organisation', key: fold(s), given: [], surname: s, interviewer: false };
  }
  // The name is the last run of words that are not titles, roles, places or nationalities.
  const isRole = (w: string) =>
    TITLES.has(w) || DEMONYMS.has(w) || PLACES.has(w) || EXTRA_ROLE_WORDS.has(w) || ORG_ACRONYMS.has(w) || /^[a-z]/.test(w) || /^[A-Z]\.[A-Z]\.$/.test(w);
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
    }));
  }
}
