export interface RatingDefinition {
  slug: string;
  label: string;
  description: string;
  /** Numeric value for ClaimReview's ratingValue; null for ratings outside the ordinal scale. */
  value: number | null;
  colour: string;
}

/**
 * The default scale: PolitiFact's Truth-O-Meter order, which established fact-checkers and readers
 * recognise, with two off-scale ratings for claims that cannot be placed on it. Higher value = more
 * accurate, so ClaimReview's bestRating is the highest value and worstRating the lowest.
 */
export const DEFAULT_RATING_SCALE: readonly RatingDefinition[] = [
  {
    slug: 'true',
    label: 'True',
    description: 'The statement is accurate and nothing significant is missing.',
    value: 6,
    colour: '#1a7f37',
  },
  {
    slug: 'mostly-true',
    label: 'Mostly true',
    description: 'The statement is accurate but needs clarification or additional information.',
    value: 5,
    colour: '#4c9a2a',
  },
  {
    slug: 'half-true',
    label: 'Half true',
    description: 'The statement is partially accurate but leaves out important details or takes things out of context.',
    value: 4,
    colour: '#bf8700',
  },
  {
    slug: 'mostly-false',
    label: 'Mostly false',
    description:
      'The statement contains an element of truth but ignores critical facts that would give a different impression.',
    value: 3,
    colour: '#d4622a',
  },
  { slug: 'false', label: 'False', description: 'The statement is not accurate.', value: 2, colour: '#cf222e' },
  {
    slug: 'pants-on-fire',
    label: 'Pants on fire',
    description: 'The statement is not accurate and makes a ridiculous claim.',
    value: 1,
    colour: '#82071e',
  },
  {
    slug: 'misleading',
    label: 'Misleading',
    description:
      'The statement uses accurate facts in a way that leaves a false impression; not placed on the ordinal scale.',
    value: null,
    colour: '#8250df',
  },
  {
    slug: 'unverifiable',
    label: 'Unverifiable',
    description: 'The available evidence neither supports nor refutes the statement.',
    value: null,
    colour: '#6e7781',
  },
];

/** ClaimReview's bestRating / worstRating for a scale: the extremes of its ordinal values, if any. */
export function ordinalBounds(scale: readonly { value: number | null }[]): { best: number; worst: number } | null {
  const values = scale.map((r) => r.value).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return { best: Math.max(...values), worst: Math.min(...values) };
}
