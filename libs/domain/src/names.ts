import { CLAIM_ACTIONS, type ClaimAction } from './workflow.js';

// Names the server owns and the web app shows or sends: one list each, so neither side restates them.

/** The orders of `GET /api/claims?sort=`. */
export const CLAIM_SORTS = ['relevance', 'score', 'newest', 'oldest', 'said', 'due'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** The order when none is asked for: relevance for a search, check-worthiness otherwise. */
export const defaultClaimSort = (q: string | null | undefined): ClaimSort => (q ? 'relevance' : 'score');

/** Relevance ranks search hits: without a search (q) there is nothing to rank by. */
export const claimSortAllowed = (sort: ClaimSort, q: string | null | undefined): boolean => sort !== 'relevance' || !!q;

/** The public index of fact-checks, served by the API on the site's own origin. */
export const FACT_CHECKS_PATH = '/fact-checks';

/** The public page of one fact-check: `/fact-checks/<slug>`, relative to the site's base URL. */
export const factCheckPath = (slug: string): string => `${FACT_CHECKS_PATH}/${encodeURIComponent(slug)}`;

/** A text's words for a URL: ASCII, lower case, joined by hyphens, at most `maxWords` words and `maxLength` characters. */
export function slugWords(text: string, maxWords: number, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** The public pages of speakers: `/speakers/<slug>`. */
export const SPEAKERS_PATH = '/speakers';

/**
 * A speaker's public slug: the name's words (ASCII, lower case) and the first 8 hex digits of the id, which
 * find the speaker without a slug column (a rename changes the words, not the id; see parseSpeakerSlug).
 */
export function speakerSlug(name: string, id: string): string {
  const words = slugWords(name, 8, 60);
  return `${words || 'speaker'}-${id.replace(/-/g, '').slice(0, 8).toLowerCase()}`;
}

/** The id prefix (8 hex digits) a speaker slug ends with, or null when it is not a speaker slug. */
export function parseSpeakerSlug(slug: string): string | null {
  const m = /^[a-z0-9]+(?:-[a-z0-9]+)*-([0-9a-f]{8})$/.exec(slug);
  return m && slug.length <= 80 ? m[1] : null;
}

export const speakerPath = (name: string, id: string): string => `${SPEAKERS_PATH}/${speakerSlug(name, id)}`;

/** A claim's workflow step as the audit trail names it: `accept` → `claim.accept`. */
export const claimAuditAction = <A extends ClaimAction>(action: A): `claim.${A}` => `claim.${action}`;

/** Every action the audit trail records (`audit_events.action`), as `<entity>.<verb>`. */
export const AUDIT_ACTIONS = [
  'claim.create',
  'claim.edit',
  'claim.provenance',
  'claim.promote',
  ...CLAIM_ACTIONS.map(claimAuditAction),
  'verdict.create',
  'verdict.save',
  'comment.create',
  'assignment.create',
  'assignment.reassign',
  'assignment.end',
  'fact_check.publish',
  'fact_check.correct',
  'fact_check.retract',
  'publication.schedule',
  'publication.reschedule',
  'publication.cancel',
  'publication.clear',
  'publication.fail',
  'document.create',
  'document.retry',
  'document.delete',
  'document.threshold',
  'source.create',
  'source.update',
  'source.delete',
  'speaker.update',
  'speaker.merge',
  'speaker.document_role',
  'rating.create',
  'rating.update',
  'site_page.update',
  'user.create',
  'user.update',
  'api_token.issue',
  'api_token.revoke',
  'webhook.create',
  'webhook.update',
  'webhook.rotate_secret',
  'webhook.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Steps the workflow records twice, as the claim's step and as the record's own event (publishing writes
 * `claim.publish` and `fact_check.publish`): a claim's history shows each step once.
 */
export const CLAIM_HISTORY_DUPLICATES: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'fact_check.publish',
  'fact_check.correct',
  'fact_check.retract',
  'assignment.create',
]);
