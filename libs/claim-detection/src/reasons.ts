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

const MIN = 0.04;

/**
 * Reasons behind a score, strongest first: positive contributions as is, negative ones marked
 * "(lowers score)", plus a note when the wording itself (character n-grams) dominates.
 */
export function explain(out: ScorerOutput, max = 5): string[] {
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const c of out.contributions) {
    if (reasons.length >= max) break;
    if (Math.abs(c.weight) < MIN) continue;
    if (c.feature === 'wording') {
      reasons.push(c.weight > 0 ? 'wording typical of check-worthy claims' : 'wording typical of non-claims (lowers score)');
      continue;
    }
    const label = LABELS[c.feature];
    if (!label || seen.has(label)) continue;
    seen.add(label);
    reasons.push(c.weight > 0 ? label : `${label} (lowers score)`);
  }
  return reasons;
}
