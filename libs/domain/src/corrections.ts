import type { FactCheckSnapshot } from './dto.js';

/** What readers see that a correction may change, in the order the corrections log names them. */
export const CORRECTABLE_FIELDS = ['rating', 'headline', 'conclusion', 'analysis', 'sources'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

type Correctable = Pick<FactCheckSnapshot, 'rating' | 'headline' | 'conclusion' | 'analysis' | 'sources'>;

const sameSources = (a: Correctable['sources'], b: Correctable['sources']) =>
  a.length === b.length &&
  a.every((s, i) => {
    const t = b[i];
    return (
      s.url === t.url &&
      s.title === t.title &&
      (s.publisher ?? null) === (t.publisher ?? null) &&
      (s.publishedOn ?? null) === (t.publishedOn ?? null) &&
      (s.quote ?? null) === (t.quote ?? null) &&
      s.kind === t.kind
    );
  });

/** The fields a correction changed between two published versions, in CORRECTABLE_FIELDS order. */
export function changedFields(before: Correctable, after: Correctable): CorrectableField[] {
  const changed: Record<CorrectableField, boolean> = {
    rating: (before.rating?.id ?? null) !== (after.rating?.id ?? null),
    headline: before.headline !== after.headline,
    conclusion: before.conclusion !== after.conclusion,
    analysis: before.analysis !== after.analysis,
    sources: !sameSources(before.sources, after.sources),
  };
  return CORRECTABLE_FIELDS.filter((f) => changed[f]);
}

/** "the rating", "the analysis and sources", "the headline, conclusion and sources". */
export function correctedWhat(fields: readonly CorrectableField[]): string {
  const names = CORRECTABLE_FIELDS.filter((f) => fields.includes(f));
  if (!names.length) return '';
  if (names.length === 1) return `the ${names[0]}`;
  return `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * How the public corrections log heads an entry: "Corrected the analysis and sources", "Correction" when
 * only a note was published (a clarification), "Retraction".
 */
export function correctionHeading(kind: 'correction' | 'retraction', fields: readonly CorrectableField[]): string {
  if (kind === 'retraction') return 'Retraction';
  const what = correctedWhat(fields);
  return what ? `Corrected ${what}` : 'Correction';
}
