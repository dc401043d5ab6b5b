import type { SpeakerRole } from './claims.js';

/** Roles whose lines are questions and chairing, not claims: kept out of "To triage" unless asked for. */
export const ASKING_ROLES: readonly SpeakerRole[] = ['moderator', 'interviewer', 'questioner'];

/** Whether a speaker in this role asks rather than claims (see ASKING_ROLES). */
export const isAskingRole = (role: SpeakerRole | null | undefined): role is SpeakerRole =>
  !!role && ASKING_ROLES.includes(role);

/** What is known of a speaker's part in one document, most specific first. */
export interface SpeakerRoleFacts {
  /** An editor's word for this document ("moderator here"). */
  documentRole?: SpeakerRole | null;
  /** An editor's word for every document ("always a moderator"). */
  defaultRole?: SpeakerRole | null;
  /** What claim detection read from the document's structure. */
  detectedRole?: SpeakerRole | null;
}

/**
 * The part a speaker plays in a document: an editor's word for this document, else their word for every
 * document, else what detection found; a speaker nobody says anything about is a participant.
 * The claims inbox's SQL (apps/api claims.query.ts) applies the same order; a test holds them together.
 */
export function speakerRoleIn(facts: SpeakerRoleFacts): SpeakerRole {
  return facts.documentRole ?? facts.defaultRole ?? facts.detectedRole ?? 'participant';
}

/** True when the speaker's lines in this document are asking (moderating, interviewing), not claiming. */
export const speakerAsks = (facts: SpeakerRoleFacts): boolean => isAskingRole(speakerRoleIn(facts));

/**
 * The claim list's `askers` filter: the lines of speakers who ask (ASKING_ROLES) in, out, or alone. The API
 * includes them unless told; the inbox's "To triage" leaves them out until its filter asks for them.
 */
export const ASKER_FILTERS = ['include', 'exclude', 'only'] as const;
export type AskerFilter = (typeof ASKER_FILTERS)[number];
