// After a document is read: full names for speakers known only by a label, and the role each speaker plays.
import { questionerName } from '@factdesk/domain';
import { DEMONYMS, NOT_NAMES, PLACES, TITLES } from '../lexicon.js';
import { escapeRegExp } from '../regexp.js';
import type { SpeakerRegistry } from '../speakers.js';
import type { SentenceSpan } from './document.js';
import { qualifierRole, type ListRole } from './transcript.js';

/** Labels seen per speaker id: where its first turn starts, and label qualifiers (", MODERATOR"). */
export type Labelled = Map<number, { first: number; qualifiers: string[]; labels: string[] }>;

/** How far into a document introductions are looked for ("… Ohio Governor John Kasich"). */
const INTRO_WINDOW = 20_000;

/** Capitalised words of a title that are not given names ("Secretary of State Hillary Clinton"). */
const TITLE_WORDS = new Set(
  (
    'State Former House Senate Party Nominee Candidate Defense Treasury Homeland Businessman Businesswoman Billionaire ' +
    'Entrepreneur Author Activist Host Anchor Moderator Reporter Correspondent Journalist Commentator Economist Doctor'
  ).split(' '),
);

/**
 * A speaker known by a surname label ("KASICH") takes the full name the header or earlier text gives it
 * ("Ohio Gov. John Kasich" → "John Kasich"), or that they give themselves in their first turn ("I'm Lester Holt").
 * The most frequent such name before their first turn wins; ties go to the first.
 */
export function completeNames(text: string, registry: SpeakerRegistry, labelled: Labelled): void {
  for (const [id, { first }] of labelled) {
    const p = registry.parsedOf(id);
    if (p.kind !== 'person' || p.interviewer || p.given.length || !/^\p{Lu}/u.test(p.surname)) continue;
    const before = text.slice(Math.max(0, first - INTRO_WINDOW), first);
    const lead = /(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}$/u;
    const counts = new Map<string, number>();
    const consider = (m: string) => {
      // The one or two name words right before the surname: "Ohio Gov. John Kasich" → "John Kasich".
      const words = m.trim().split(/\s+/).slice(0, -1);
      const given: string[] = [];
      for (let k = words.length - 1; k >= 0 && given.length < 2; k--) {
        const w = words[k];
        if (
          TITLES.has(w) ||
          TITLE_WORDS.has(w) ||
          NOT_NAMES.has(w) ||
          DEMONYMS.has(w) ||
          PLACES.has(w) ||
          !/^\p{Lu}[\p{Ll}'’-]*\.?$/u.test(w)
        )
          break;
        if (w.endsWith('.') && w.length > 2) break; // "Gov.", "Sen." outside the title list
        given.unshift(w);
      }
      if (!given.length) return;
      const name = given.join(' ');
      counts.set(name, (counts.get(name) ?? 0) + 1);
    };
    // Find the surname by plain search and read the capitalised words just before it (a regex over the whole
    // window backtracks at every capital letter).
    for (let at = before.indexOf(p.surname); at >= 0; at = before.indexOf(p.surname, at + 1)) {
      if (/[\p{L}'’-]/u.test(before.charAt(at + p.surname.length))) continue;
      const m = lead.exec(before.slice(Math.max(0, at - 80), at));
      if (m) consider(m[0] + p.surname);
    }
    const own = text.slice(first, first + 400);
    const intro = new RegExp(
      `\\bI(?:'m|’m| am)\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,2}${escapeRegExp(p.surname)})(?![\\p{L}])`,
      'u',
    ).exec(own);
    if (intro) consider(intro[1]);
    let best: string | null = null;
    for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
    if (best) registry.adopt(id, best.split(' '));
  }
}

export interface RoleContext {
  lists: { role: ListRole; names: string[] }[];
  labelled: Labelled;
  outletId: number;
  head: string;
}

interface TurnStats {
  turns: number;
  questions: number;
  words: number;
}

/**
 * Each speaker's role. In order: the outlet is the publication; questioner labels (Q, QUESTION → interviewer in an
 * interview, questioner otherwise; MODERATOR; AUDIENCE → questioner); header lists and label qualifiers; then who
 * asks: a labelled speaker whose turns are often questions and much shorter than the longest talker's is a
 * moderator when two or more others answer, an interviewer when one does. Everyone else takes part.
 */
export function assignRoles(
  text: string,
  registry: SpeakerRegistry,
  sentences: SentenceSpan[],
  ctx: RoleContext,
): void {
  const stats = new Map<number, TurnStats>();
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.speakerId < 0) continue;
    const st = stats.get(s.speakerId) ?? { turns: 0, questions: 0, words: 0 };
    stats.set(s.speakerId, st);
    st.words += (text.slice(s.start, s.end).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
    const last = i + 1 >= sentences.length || sentences[i + 1].speakerId !== s.speakerId;
    if (last) {
      st.turns++;
      if (/\?["'”’)]*$/.test(text.slice(s.start, s.end))) st.questions++;
    }
  }
  const interview = /\binterview/i.test(ctx.head);
  for (let id = 0; id < registry.size; id++) {
    if (id === ctx.outletId) {
      registry.setRole(id, 'publication');
      continue;
    }
    const forms = registry.formsOf(id);
    const labels = ctx.labelled.get(id)?.labels ?? [];
    const asker = forms.map(questionerName).find((q) => q !== null);
    if (asker === 'Moderator') registry.setRole(id, 'moderator');
    else if (asker === 'Audience member' || labels.some((l) => /^audience\b/i.test(l)))
      registry.setRole(id, 'questioner');
    else if (asker === 'Interviewer') {
      const named = labels.some((f) => /^(interviewer|host|presenter|anchor)$/i.test(f.trim()));
      registry.setRole(id, named || interview ? 'interviewer' : 'questioner');
    }
  }
  for (const list of ctx.lists) {
    for (const name of list.names) {
      const id = registry.find(name);
      if (id >= 0 && id !== ctx.outletId && !registry.roleOf(id)) registry.setRole(id, list.role);
    }
  }
  for (const [id, { qualifiers }] of ctx.labelled) {
    const role = qualifiers.map(qualifierRole).find((r) => r !== null);
    if (role && !registry.roleOf(id)) registry.setRole(id, role);
  }
  // Who asks, from the structure, among labelled speakers nothing has placed yet.
  const unnamed = (id: number) => /^(unidentified|unknown|unnamed|speaker \d)/i.test(registry.parsedOf(id).name);
  const open = [...ctx.labelled.keys()].filter((id) => !registry.roleOf(id) && stats.has(id) && !unnamed(id));
  const mean = (id: number) => stats.get(id)!.words / stats.get(id)!.turns;
  const longest = Math.max(0, ...open.map(mean));
  const askers = open.filter((id) => {
    const st = stats.get(id)!;
    return st.turns >= 2 && st.questions / st.turns >= 0.2 && mean(id) <= Math.min(50, longest * 0.6);
  });
  const answering = open.filter((id) => !askers.includes(id)).length;
  const listed = [...ctx.labelled.keys()].filter((id) => registry.roleOf(id) === 'participant').length;
  if (answering > 0) {
    for (const id of askers) registry.setRole(id, answering + listed >= 2 ? 'moderator' : 'interviewer');
  }
}
