/** The claim workflow states of DESIGN.md. */
export const CLAIM_STATES = [
  'detected',
  'accepted',
  'dismissed',
  // The same claim as another (its cluster's first): checked once, through that one.
  'duplicate',
  'assigned',
  'in_progress',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'corrected',
  'retracted',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/** Claim types after the Full Fact typology. */
export const CLAIM_TYPES = [
  'quantity',
  'comparison',
  'causal',
  'prediction',
  'law_rule',
  'historical_event',
  'quote',
  'personal_experience',
  'other',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const ENTITY_KINDS = ['person', 'organisation', 'place', 'date', 'number'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ClaimEntity {
  kind: EntityKind;
  text: string;
  /** Character offsets into the claim text. */
  start: number;
  end: number;
}

export const SPEAKER_KINDS = ['person', 'organisation'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/**
 * What part a speaker plays in a document. Moderators, interviewers and questioners ask; their lines stay
 * out of triage by default. `participant` is everyone answering or speaking for themselves (a candidate, a
 * guest, an official); `publication` is the outlet's own words.
 */
export const SPEAKER_ROLES = ['moderator', 'interviewer', 'questioner', 'participant', 'publication'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
