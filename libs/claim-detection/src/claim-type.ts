import type { ClaimEntity, ClaimType } from '@factdesk/domain';
import type { Analysis } from './nlp.js';

const has = (words: Set<string>, re: RegExp) => [...words].some((w) => re.test(w));
const QUOTE_VERBS =
  /^(said|says|told|stated|claimed|claims|announced|declared|wrote|testified|admitted|insisted|argued|alleged)$/;
const CAUSAL =
  /\b(because( of)?|caused?|causes|causing|due to|as a result|results? in|resulted in|led to|leads? to|lead nowhere|thanks to|consequences?|therefore|blame[sd]?|responsible for|so that|in order to)\b/;
const LAW =
  /\b(laws?|legal(ly)?|illegal|illegitimate|unconstitutional|constitution(al)?|rules?|regulations?|treat(y|ies)|charter|agreements? (?:stipulates?|requires?|says)|stipulates?|obligations?|sanctions?|violat(e|es|ed|ion)|banned|ban|legislation|bill|act|amendment|rights|binding|required by|entitled)\b/;
const FUTURE =
  /\b(will|won't|'ll|shall|going to|is to|are to|plans? to|intends? to|expects? to|about to|would like to|by 20\d\d|next year|in future|in the future)\b/;
const PAST =
  /\b(was|were|had|did|ago|in (?:19|20)\d\d|last (?:year|month|week|may|june|april)|[a-z]+ed|fell|rose|grew|won|lost|met|began|came|went|made|took|gave|saw|became|left|held|led|brought|built|fought|sent|spent|paid|sold|bought|got|broke|ran|wrote|struck|shot|fled|froze|drew|hit|cut|set|put)\b/;
const EXPERIENCE =
  /\b(i|we)\s+(remember|recall|saw|met|visited|was|were|have (?:not )?(?:heard|seen|met|been)|heard|spoke|talked|went|grew up|told)\b/;

/**
 * Claim type after the Full Fact typology, by ordered rules over words, numbers and entities:
 * quote, personal experience, quantity, comparison, causal, law/rule, prediction, historical event, other.
 */
export function classifyClaim(a: Analysis, ents: ClaimEntity[]): ClaimType {
  const lower = a.text.toLowerCase().replace(/[’‘]/g, "'");
  const words = new Set(a.tokens.map((t) => t.lower));
  const quoted = /["“”]/.test(a.text) && a.text.replace(/[^"“”]/g, '').length >= 2;
  const someone = ents.some((e) => e.kind === 'person' || e.kind === 'organisation') || /\b(he|she|they)\b/.test(lower);
  if (
    (has(words, QUOTE_VERBS) && (quoted || /\b(said|says|stated|claimed) (that|so)\b/.test(lower)) && someone) ||
    /\baccording to (?!our)/.test(lower)
  ) {
    return 'quote';
  }
  if (EXPERIENCE.test(lower) && /\b(i|my|me)\b/.test(lower)) return 'personal_experience';
  const numbers = ents.filter((e) => e.kind === 'number');
  const quantity =
    numbers.some((e) => !/^(one|first|second|third)$/i.test(e.text)) ||
    /\b\d[\d,.]*\s*(%|percent|per cent|million|billion|trillion)|\$\s?\d/.test(lower);
  if (quantity && !/^\d{4}$/.test(numbers[0]?.text ?? '')) return 'quantity';
  if (CAUSAL.test(lower)) return 'causal';
  if (
    /\b(than|compared (to|with)|most|least|largest|biggest|highest|lowest|best|worst|first|only|record|doubled|tripled|halved|fastest|slowest)\b/.test(
      lower,
    )
  ) {
    return 'comparison';
  }
  if (LAW.test(lower)) return 'law_rule';
  if (FUTURE.test(lower)) return 'prediction';
  if (
    PAST.test(lower) &&
    (ents.some((e) => e.kind === 'date') || /\b(19|20)\d\d\b/.test(lower) || ents.some((e) => e.kind !== 'number'))
  ) {
    return 'historical_event';
  }
  return 'other';
}
