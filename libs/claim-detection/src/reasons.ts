import { STOPWORDS } from './lexicon.js';
import type { ScorerOutput } from './scorer.js';

/** Editor-readable phrasing of the named structural features. */
const LABELS: Record<string, string> = {
  number: 'contains a number',
  digits: 'contains a number',
  several_numbers: 'contains several numbers',
  number_with_separator: 'contains a precise figure',
  statistic: 'contains a statistic',
  scale_word: 'talks about amounts or rates',
  wink_percent: 'contains a statistic',
  wink_money: 'mentions a sum of money',
  wink_cardinal: 'contains a number',
  wink_ordinal: 'contains a ranking or ordinal',
  wink_date: 'mentions a date',
  wink_duration: 'mentions a period of time',
  wink_time: 'mentions a time',
  year: 'mentions a year',
  entity_person: 'names a person',
  several_people: 'names several people',
  entity_organisation: 'names an organisation',
  entity_place: 'names a place',
  entity_date: 'mentions a date',
  entity_number: 'contains a number',
  comparative: 'makes a comparison',
  than: 'makes a comparison',
  superlative: 'uses a superlative or record',
  causal: 'states a cause or effect',
  law: 'refers to a law, rule or agreement',
  future: 'looks ahead (prediction or promise)',
  past: 'describes past events',
  reporting: 'reports what someone said',
  hedged_opinion: 'hedged opinion',
  opinion_word: 'expresses an opinion or feeling',
  evaluative: 'evaluative language',
  question: 'phrased as a question',
  question_word_start: 'phrased as a question',
  exclamation: 'exclamation',
  call_to_action: 'calls for action rather than stating a fact',
  let_me: 'procedural remark ("let me…")',
  courtesy: 'courtesy or procedural remark',
  first_person_singular: 'speaks about themselves',
  first_person_plural: 'speaks for a group ("we")',
  first_person_intent: 'states an intention',
  second_person: 'addresses someone directly',
  negation: 'contains a denial or negation',
  'len<5': 'very short sentence',
  'len5-9': 'short sentence',
  'len35+': 'long sentence',
  proper_noun_ratio: 'many names',
  quotation_marks: 'quotes someone',
  starts_with_discourse_marker: 'conversational opener',
};

/** Below this (logit, relative to an average sentence) a part of the score is not worth a reason. */
const MIN = 0.1;
/**
 * The character/POS rest of the model moves most scores a little; only a large pull is worth saying, or it becomes
 * the reason on every row.
 */
const WORDING_MIN = 1.5;
/**
 * Features that about one training sentence in ten or more has (past tense, "we", "I", negation, opinions): they are
 * a reason only when they pull hard, or "describes past events" ends up on half the rows.
 */
const COMMON = new Set(['past', 'first_person_plural', 'first_person_singular', 'negation', 'future', 'opinion_word']);
const COMMON_MIN = 0.4;
/** The sentence vector's part (only on sentences near the threshold, which were embedded): named when it pulls hard. */
const MEANING_MIN = 0.5;

const ROLE_LABELS: Record<string, string> = {
  moderator: "the moderator's line",
  interviewer: "the interviewer's line",
  questioner: 'a question from the floor',
};

/** Features saying the same thing: one reason per family. */
const FAMILY: Record<string, string> = Object.fromEntries([
  ...['number', 'digits', 'several_numbers', 'number_with_separator', 'statistic', 'scale_word']
    .concat(['wink_percent', 'wink_money', 'wink_cardinal', 'entity_number'])
    .map((f) => [f, 'number']),
  ...['year', 'wink_date', 'entity_date'].map((f) => [f, 'date']),
  ...['entity_person', 'several_people'].map((f) => [f, 'person']),
  ...['question', 'question_word_start'].map((f) => [f, 'question']),
  ...['comparative', 'than'].map((f) => [f, 'comparison']),
]);

const quote = (words: string[]) => `“${words.join(' ')}”`;

/**
 * The two or three parts that moved this sentence's score most (see ScorerOutput), in an editor's words: raising
 * ones as is, lowering ones marked "(lowers score)". Word n-grams pulling the same way are named together.
 */
export function explain(out: ScorerOutput, max = 3): string[] {
  const seen = new Set<string>();
  const used = new Set<string>();
  const reasons: string[] = [];
  const words: Record<'up' | 'down', string[]> = { up: [], down: [] };
  const wordSlot: Record<'up' | 'down', number> = { up: -1, down: -1 };
  for (const c of out.contributions) {
    if (Math.abs(c.weight) < MIN) break; // sorted by |weight|
    const lowers = c.weight < 0;
    const mark = (label: string) => (lowers ? `${label} (lowers score)` : label);
    if (c.feature === 'word' && c.words) {
      const dir = lowers ? 'down' : 'up';
      // "unemployment" and "unemployment fell" say the same: name a word once.
      const content = c.words.map((w) => w.toLowerCase()).filter((w) => !STOPWORDS.has(w));
      if (words[dir].length >= 2 || content.some((w) => used.has(w))) continue;
      for (const w of content) used.add(w);
      words[dir].push(quote(c.words));
      if (wordSlot[dir] < 0) {
        if (reasons.length >= max) continue;
        wordSlot[dir] = reasons.length;
        reasons.push('');
      }
      reasons[wordSlot[dir]] = mark(`the words ${words[dir].join(', ')}`);
      continue;
    }
    if (reasons.length >= max) continue;
    let label: string | undefined;
    if (c.feature === 'wording') {
      if (Math.abs(c.weight) < WORDING_MIN) continue;
      label = lowers ? 'phrased like talk rather than a claim' : 'phrased like a factual claim';
    } else if (c.feature === 'meaning') {
      if (Math.abs(c.weight) < MEANING_MIN) continue;
      label = lowers ? 'reads like talk rather than a claim, as a whole' : 'reads like a factual claim, as a whole';
    } else if (c.feature === 'role') label = ROLE_LABELS[c.words?.[0] ?? ''] ?? 'asked, not claimed';
    else {
      if (COMMON.has(c.feature) && Math.abs(c.weight) < COMMON_MIN) continue;
      label = LABELS[c.feature];
    }
    const family = FAMILY[c.feature] ?? label;
    if (!label || seen.has(family!)) continue;
    seen.add(family!);
    // Quote what the feature found ("contains a statistic: “40 percent”"): the reason is this sentence's own.
    reasons.push(mark(c.feature !== 'role' && c.words?.length ? `${label}: ${quote(c.words)}` : label));
  }
  return reasons;
}
