import type { SourceKind } from './editorial.js';

export interface VerdictSourceInput {
  url: string;
  title?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  quote?: string | null;
  kind: SourceKind;
}

export interface VerdictDraft {
  ratingId: string | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: VerdictSourceInput[];
}

/** http(s) URLs with a host; what a reader can follow. */
export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * What keeps a verdict from approval, in words for the reviewer; empty when it is complete:
 * a rating, a conclusion, and at least one source, all with valid web addresses, one of them primary.
 */
export function verdictProblems(v: VerdictDraft): string[] {
  const problems: string[] = [];
  if (!v.ratingId) problems.push('Choose a rating.');
  if (!v.conclusion.trim()) problems.push('Write a conclusion.');
  if (v.sources.length === 0) problems.push('Add at least one source.');
  v.sources.forEach((s, i) => {
    if (!isWebUrl(s.url)) problems.push(`Source ${i + 1} needs a valid http(s) address.`);
  });
  if (v.sources.length > 0 && !v.sources.some((s) => s.kind === 'primary')) problems.push('Mark at least one source as primary (the original document, data or statement).');
  return problems;
}

/**
 * A readable, stable slug for a fact-check URL: the headline's first words plus a short suffix that
 * keeps it unique without a database round trip.
 */
export function factCheckSlug(headline: string, uniqueSuffix: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 10)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  const suffix = uniqueSuffix.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8);
  return words ? `${words}-${suffix}` : `fact-check-${suffix}`;
}
