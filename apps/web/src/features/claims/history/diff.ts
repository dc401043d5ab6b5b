import { diffWordsWithSpace } from 'diff';
import type { AuditEventDto, FactCheckVersionDto, VerdictSourceDto, VerdictVersionDto } from '@factdesk/domain';

/** A run of text both versions share, or that only the newer (added) or the older (removed) has. */
export interface Piece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What a version said, whether a verdict version or a published fact-check version. */
export interface VersionText {
  rating: string | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: Omit<VerdictSourceDto, 'id'>[];
}

export type TextField = 'rating' | 'headline' | 'conclusion' | 'analysis';
export const TEXT_FIELDS: { field: TextField; label: string }[] = [
  { field: 'rating', label: 'Rating' },
  { field: 'headline', label: 'Headline' },
  { field: 'conclusion', label: 'Conclusion' },
  { field: 'analysis', label: 'Analysis' },
];

type SourceField = 'title' | 'publisher' | 'publishedOn' | 'quote' | 'kind';
const SOURCE_FIELDS: SourceField[] = ['title', 'publisher', 'publishedOn', 'quote', 'kind'];

export interface FieldDiff {
  field: TextField;
  label: string;
  changed: boolean;
  pieces: Piece[];
}

/** A source, matched between the versions by its address. */
export interface SourceDiff {
  url: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** For a changed source: each field that differs, word by word. */
  fields: { field: SourceField; pieces: Piece[] }[];
  before: Omit<VerdictSourceDto, 'id'> | null;
  after: Omit<VerdictSourceDto, 'id'> | null;
}

export interface VersionDiff {
  fields: FieldDiff[];
  sources: SourceDiff[];
  changed: boolean;
}

/** Word-level differences (jsdiff), whitespace kept so the text reads as written. */
export function wordDiff(before: string, after: string): Piece[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  return diffWordsWithSpace(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

const text = (v: string | null | undefined) => v ?? '';

/** Pairs sources by address, in order (a repeated address pairs with its next occurrence). */
function diffSources(before: VersionText['sources'], after: VersionText['sources']): SourceDiff[] {
  const unmatched = [...before];
  const out: SourceDiff[] = after.map((b) => {
    const i = unmatched.findIndex((a) => a.url === b.url);
    if (i < 0) return { url: b.url, change: 'added', fields: [], before: null, after: b };
    const [a] = unmatched.splice(i, 1);
    const fields = SOURCE_FIELDS.filter((f) => text(a[f]) !== text(b[f])).map((f) => ({
      field: f,
      pieces: wordDiff(text(a[f]), text(b[f])),
    }));
    return { url: b.url, change: fields.length ? 'changed' : 'same', fields, before: a, after: b };
  });
  for (const a of unmatched) out.push({ url: a.url, change: 'removed', fields: [], before: a, after: null });
  return out;
}

/** Two versions field by field: the rating, headline, conclusion and analysis word by word; sources by address. */
export function diffVersions(before: VersionText, after: VersionText): VersionDiff {
  const fields = TEXT_FIELDS.map(({ field, label }) => {
    const a = text(before[field]);
    const b = text(after[field]);
    return { field, label, changed: a !== b, pieces: wordDiff(a, b) };
  });
  const sources = diffSources(before.sources, after.sources);
  return { fields, sources, changed: fields.some((f) => f.changed) || sources.some((s) => s.change !== 'same') };
}

export const verdictVersionText = (v: VerdictVersionDto): VersionText => ({ ...v.content, rating: v.rating });

export const factCheckVersionText = (v: FactCheckVersionDto): VersionText => ({
  rating: v.snapshot.rating?.label ?? null,
  headline: v.snapshot.headline,
  conclusion: v.snapshot.conclusion,
  analysis: v.snapshot.analysis,
  sources: v.snapshot.sources,
});

/** The latest version an editor sent back, or null when none was. */
export function lastSentBack(versions: VerdictVersionDto[]): VerdictVersionDto | null {
  return versions.findLast((v) => v.sentBack.length > 0) ?? null;
}

const STEP_WORDS: Record<string, string> = {
  'claim.submit': 'submitted',
  'claim.approve': 'approved',
  'claim.publish': 'published',
};

/**
 * The workflow steps taken on each version: a submit, approval or publication acted on the version current
 * at its time (versions and steps are written under the claim's lock, one after the other), and every request
 * for changes names its version.
 */
export function versionSteps(versions: VerdictVersionDto[], history: AuditEventDto[]): Map<number, string[]> {
  const steps = new Map(versions.map((v) => [v.version, [] as string[]]));
  const events: { at: string; word: string; on?: VerdictVersionDto }[] = [
    ...history
      .filter((h) => Object.hasOwn(STEP_WORDS, h.action))
      .map((h) => ({ at: h.createdAt, word: `${STEP_WORDS[h.action]} by ${h.actor?.name ?? 'Factdesk'}` })),
    ...versions.flatMap((v) => v.sentBack.map((s) => ({ at: s.at, word: `sent back by ${s.by.name}`, on: v }))),
  ].sort((a, b) => a.at.localeCompare(b.at));
  for (const e of events) {
    const on = e.on ?? versions.findLast((v) => v.createdAt <= e.at);
    if (on) steps.get(on.version)!.push(e.word);
  }
  return steps;
}
