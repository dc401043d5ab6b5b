export const ASSIGNMENT_STATES = ['active', 'completed', 'reassigned', 'unassigned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const VERDICT_STATES = ['draft', 'submitted', 'changes_requested', 'approved', 'published'] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

export const SOURCE_KINDS = ['primary', 'secondary'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const FACT_CHECK_STATES = ['published', 'corrected', 'retracted'] as const;
export type FactCheckState = (typeof FACT_CHECK_STATES)[number];

export const CORRECTION_KINDS = ['correction', 'retraction'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const CLAIM_MATCH_KINDS = ['near_duplicate', 'fact_check'] as const;
export type ClaimMatchKind = (typeof CLAIM_MATCH_KINDS)[number];
