import { slugWords } from './names.js';
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
  if (v.sources.length > 0 && !v.sources.some((s) => s.kind === 'primary'))
    problems.push('Mark at least one source as primary (the original document, data or statement).');
  return problems;
}

/**
 * A readable, stable slug for a fact-check URL: the headline's first words plus a short suffix that
 * keeps it unique without a database round trip.
 */
export function factCheckSlug(headline: string, uniqueSuffix: string): string {
  const words = slugWords(headline, 10, 80);
  const suffix = uniqueSuffix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8);
  return words ? `${words}-${suffix}` : `fact-check-${suffix}`;
}

/** What a reviewer's autosaved draft may hold: the verdict's own field limits, and a cap on the whole. */
export const VERDICT_DRAFT_LIMITS = {
  /** The stored draft (its content and the version it started from), as UTF-8 JSON. */
  maxBytes: 768 * 1024,
} as const;

/** How long the editor waits after the last keystroke before it saves the draft. */
export const VERDICT_DRAFT_DEBOUNCE_MS = 800;

/**
 * Submit and approve act on the version the person is looking at: when they name one (`seen`) and it is
 * not the current one, the answer is why not, in words; null when they may go on.
 */
export function staleVerdict(action: 'submit' | 'approve', seen: number | undefined, current: number): string | null {
  if (seen === undefined || seen === current) return null;
  const verb = action === 'submit' ? 'submitted' : 'approved';
  return seen < current
    ? `Version ${current} was saved since the version ${seen} you are looking at; nothing was ${verb}. Check what changed, then try again.`
    : `Version ${seen} does not exist (the verdict is at version ${current}); nothing was ${verb}.`;
}
