import { isWebUrl, type RatingDto, type SourceKind, type VerdictDto } from '@factdesk/domain';
import type { VerdictContent } from '../queries';

// The verdict as editable content, and what to do when someone else saved first: pure, so tested as tables.

export type Source = VerdictContent['sources'][number];
export type Field = keyof VerdictContent;

export const FIELDS: readonly Field[] = ['ratingId', 'headline', 'conclusion', 'analysis', 'sources'];
export const FIELD_LABELS: Record<Field, string> = {
  ratingId: 'Rating',
  headline: 'Headline',
  conclusion: 'Conclusion',
  analysis: 'Analysis',
  sources: 'Sources',
};

const EMPTY: VerdictContent = { ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] };

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function contentOf(v: VerdictDto | null): VerdictContent {
  if (!v) return EMPTY;
  return {
    ratingId: v.rating?.id ?? null,
    headline: v.headline,
    conclusion: v.conclusion,
    analysis: v.analysis,
    sources: v.sources.map(({ id: _id, ...s }) => s),
  };
}

/**
 * Content as the form holds it, fields in form order: what comes back from the server's draft (stored as
 * jsonb, which reorders keys) compares equal to the same content typed here.
 */
export function normalized(c: VerdictContent): VerdictContent {
  return {
    ratingId: c.ratingId,
    headline: c.headline,
    conclusion: c.conclusion,
    analysis: c.analysis,
    sources: c.sources.map(({ url, title, publisher, publishedOn, quote, kind }) => ({
      url,
      title,
      publisher,
      publishedOn,
      quote,
      kind,
    })),
  };
}

/** A new source: the first one is primary (the original document), later ones secondary. */
export function blankSource(existing: readonly Source[]): Source {
  const kind: SourceKind = existing.some((s) => s.kind === 'primary') ? 'secondary' : 'primary';
  return { url: '', title: '', publisher: null, publishedOn: null, quote: null, kind };
}

/** Your edits laid over the newer version: the fields you changed win, the rest come from theirs. */
export function reapply(base: VerdictContent, mine: VerdictContent, theirs: VerdictContent): VerdictContent {
  const out = { ...theirs };
  for (const f of FIELDS) if (!same(base[f], mine[f])) (out as Record<string, unknown>)[f] = mine[f];
  return out;
}

/**
 * The fields in conflict: changed by both sides since the version you started from, to different values.
 * A field only they changed is theirs to keep, one only you changed is reapplied; neither is a choice.
 */
export const conflictFields = (base: VerdictContent, mine: VerdictContent, theirs: VerdictContent): Field[] =>
  FIELDS.filter((f) => !same(base[f], theirs[f]) && !same(base[f], mine[f]) && !same(mine[f], theirs[f]));

/** What the newer version changed since the one you were looking at, in form order. */
export const changedFields = (seen: VerdictContent, theirs: VerdictContent): Field[] =>
  FIELDS.filter((f) => !same(seen[f], theirs[f]));

/** What is wrong with a source's address, in words, or null; valid means what the API accepts (isWebUrl). */
export function urlProblem(url: string): string | null {
  const value = url.trim();
  if (!value) return 'Give the address of the source.';
  if (isWebUrl(value)) return null;
  return URL.canParse(value) && !/^https?:/i.test(value)
    ? 'Use an http(s) address.'
    : 'This is not a complete address (https://…).';
}

/** One field of a version in a few words, for the conflict's side-by-side. */
export function describe(content: VerdictContent, field: Field, ratings: readonly RatingDto[]): string {
  if (field === 'ratingId') return ratings.find((r) => r.id === content.ratingId)?.label ?? 'none';
  if (field === 'sources') return content.sources.map((s) => s.url).join(', ') || 'none';
  return (content[field] || 'empty').slice(0, 240);
}
