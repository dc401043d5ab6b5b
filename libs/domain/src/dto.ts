// The API's response types (~650 lines): one file, so the vocabulary the web app and integrators read is reviewed
// in one place; tools/openapi generates the OpenAPI schemas from it.
import type { ClaimEntity, ClaimState, ClaimType, SpeakerKind, SpeakerRole } from './claims.js';
import type { AssignmentState, CorrectionKind, FactCheckState, SourceKind, VerdictState } from './editorial.js';
import type { MonitoredSourceKind, MonitoredSourceStatus } from './sources.js';
import type { DocumentFormat, DocumentStatus } from './documents.js';
import type { ClaimAction } from './workflow.js';
import type { ApiError } from './api.js';
import type { CorrectableField } from './corrections.js';
import type { Provenance } from './provenance.js';

/** A page of a keyset-paginated list: pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page of a list that also says how many items its filters match in all. */
export interface CountedPage<T> extends Page<T> {
  total: number;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface SpeakerRef {
  id: string;
  name: string;
}

export interface RatingDto {
  id: string;
  slug: string;
  label: string;
  description: string;
  value: number | null;
  colour: string;
  position: number;
  active: boolean;
}

export interface ClaimSummaryDto {
  id: string;
  text: string;
  state: ClaimState;
  score: number;
  checkworthy: boolean;
  claimType: ClaimType;
  reasons: string[];
  speaker: SpeakerRef | null;
  document: { id: string; title: string | null } | null;
  saidAt: string | null;
  createdAt: string;
  assignee: PersonRef | null;
  dueAt: string | null;
  /** An earlier published fact-check of the same claim, when one was found. */
  checkedBefore: { slug: string; rating: string | null; similarity: number } | null;
  /** Full-text relevance, when the list was searched. */
  rank?: number;
}

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

export interface AssignmentDto {
  id: string;
  claimId: string;
  claimText: string;
  claimState: ClaimState;
  assignee: PersonRef;
  assignedBy: PersonRef;
  dueAt: string | null;
  note: string | null;
  state: AssignmentState;
  createdAt: string;
  endedAt: string | null;
}

export interface VerdictSourceDto {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  quote: string | null;
  kind: SourceKind;
}

export interface VerdictDto {
  id: string;
  claimId: string;
  version: number;
  state: VerdictState;
  rating: RatingDto | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: VerdictSourceDto[];
  author: PersonRef;
  /** Who made this version: the author, or an editor who copy-edited or corrected it. */
  versionBy: PersonRef;
  /** save (the verdict editor) or correction (a published correction). */
  versionKind: VerdictVersionKind;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: PersonRef | null;
  updatedAt: string;
  /** What stands between this verdict and approval; empty when complete. */
  problems: string[];
}

export interface CorrectionDto {
  id: string;
  kind: CorrectionKind;
  note: string;
  /** What the correction changed (empty for a note alone, and for retractions). */
  fields: CorrectableField[];
  version: number;
  createdAt: string;
}

export interface FactCheckDto {
  id: string;
  claimId: string;
  slug: string;
  state: FactCheckState;
  currentVersion: number;
  publishedAt: string;
  updatedAt: string;
  retractedAt: string | null;
  corrections: CorrectionDto[];
}

/** A row of the staff list of published fact-checks (GET /api/fact-checks). */
export interface FactCheckListItemDto extends FactCheckDto {
  headline: string;
  /** The rating's label. */
  rating: string | null;
}

/** One time the claim was said, as readers see it. */
export interface PublicAppearance extends Provenance {
  outlet: string | null;
}

/** What readers saw at one version of a fact-check: frozen at publication or correction. */
export interface FactCheckSnapshot {
  claim: {
    id: string;
    text: string;
    saidAt: string | null;
    saidWhereUrl: string | null;
    /** The document's internal working title: staff only, never shown to readers. */
    documentTitle: string | null;
    documentUrl: string | null;
    outlet: string | null;
    /** Where it was said, a recording of it, and the public name of where it appeared (absent before provenance). */
    venue?: string | null;
    mediaUrl?: string | null;
    mediaStartSeconds?: number | null;
    appearedIn?: string | null;
  };
  /** Every known appearance of the claim (its cluster's), the claim's own first; absent before provenance. */
  appearances?: PublicAppearance[];
  speaker: { id: string; name: string; kind: SpeakerKind; sameAs: string[] } | null;
  rating: { id: string; slug: string; label: string; value: number | null; colour: string } | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: Omit<VerdictSourceDto, 'id'>[];
  authors: PersonRef[];
}

export interface FactCheckVersionDto {
  version: number;
  verdictVersion: number;
  snapshot: FactCheckSnapshot;
  createdAt: string;
  createdBy: PersonRef;
}

export type VerdictVersionKind = 'save' | 'correction';

/** A verdict's content at one version, as stored. */
export interface VerdictVersionContent {
  ratingId: string | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: Omit<VerdictSourceDto, 'id'>[];
}

/** One version of a verdict: what it said, who made it and when (GET /api/claims/:id/verdict/versions). */
export interface VerdictVersionDto {
  version: number;
  kind: VerdictVersionKind;
  content: VerdictVersionContent;
  /** The rating's label at that version, or null. */
  rating: string | null;
  author: PersonRef;
  createdAt: string;
  /** Every time an editor asked for changes to this version (the review comment names it), oldest first. */
  sentBack: VersionSentBackDto[];
}

/** One request for changes to a verdict version: who, when, and what they asked. */
export interface VersionSentBackDto {
  by: PersonRef;
  at: string;
  comment: string;
}

export interface SimilarClaimDto {
  id: string;
  text: string;
  state: ClaimState;
  speaker: SpeakerRef | null;
  similarity: number;
  factCheck: { slug: string; rating: string | null } | null;
}

export interface AuditEventDto {
  id: string;
  action: string;
  actor: PersonRef | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export interface CommentDto {
  id: string;
  claimId: string;
  author: PersonRef;
  body: string;
  verdictVersion: number | null;
  createdAt: string;
}

export interface ClaimDetailDto extends ClaimSummaryDto {
  startOffset: number | null;
  endOffset: number | null;
  entities: ClaimEntity[];
  saidWhereUrl: string | null;
  dismissalReason: string | null;
  /** The text around the claim in its document, with offsets into the document. */
  context: { before: TextSpan; after: TextSpan; documentUrl: string | null; outlet: string | null } | null;
  assignments: AssignmentDto[];
  verdict: VerdictDto | null;
  factCheck: FactCheckDto | null;
  similar: SimilarClaimDto[];
  /** For a duplicate: the claim it repeats, its cluster's first, through which the cluster is checked. */
  duplicateOf: { id: string; text: string; state: ClaimState } | null;
  /** Every appearance of its cluster, the first claim first; empty for a claim said once. */
  appearances: ClaimAppearanceDto[];
  /** Where and when it was said: its own, its document's, and what stands (own over document's, field by field). */
  provenance: ClaimProvenanceDto;
  /** What approval warns of (a missing date or appearance); approval is not blocked by them. */
  provenanceWarnings: string[];
  /** Its pending scheduled publication, or null when none is pending. */
  publicationSchedule: PublicationScheduleDto | null;
  /** Every change, oldest first. */
  history: AuditEventDto[];
  /** What the signed-in user may do to it now. */
  actions: ClaimAction[];
}

/** A claim's pending scheduled publication (POST, PUT and DELETE /api/claims/:id/schedule). */
export interface PublicationScheduleDto {
  claimId: string;
  /** When it goes out (RFC 3339, UTC). */
  publishAt: string;
  /** Counts every schedule and reschedule of the claim: each names its own delayed job. */
  version: number;
  /** Who set the time now standing, and when. */
  scheduledBy: PersonRef;
  scheduledAt: string;
}

/** POST and PUT /api/claims/:id/schedule: the time to publish at (RFC 3339 with its offset). */
export interface PublicationScheduleInput {
  publishAt: string;
}

/** One time a claim was said: a claim of its cluster, where and when, and by whom. */
export interface ClaimAppearanceDto {
  claimId: string;
  text: string;
  state: ClaimState;
  speaker: { id: string; name: string } | null;
  document: { id: string; title: string | null } | null;
  saidAt: string | null;
  startOffset: number | null;
  endOffset: number | null;
  /** Where and when, as it stands (the claim's own over its document's). */
  provenance: Provenance;
}

/** A claim's provenance (GET in the claim detail; PUT /api/claims/:id/provenance sets `own`). */
export interface ClaimProvenanceDto {
  /** What stands: each field the claim's own, else its document's. */
  effective: Provenance;
  /** What an editor set on the claim (null: inherited). */
  own: Provenance;
  /** Its document's, taken at intake; null for a claim entered by hand. */
  document: Provenance | null;
}

/** PUT /api/claims/:id/provenance: a value sets the claim's own, null clears it (the document's then stands). */
export type ClaimProvenanceInput = Partial<Provenance>;

/** POST /api/claims/:id/duplicate-of: the claim this one repeats (any claim of its cluster). */
export interface DuplicateOfInput {
  claimId: string;
}

/** Per-claim outcome of a bulk operation. */
export interface BulkResultDto {
  applied: boolean;
  results: { claimId: string; ok: boolean; state?: ClaimState; error?: string; status?: number }[];
}

export interface WorkloadDto {
  user: PersonRef & { role: string };
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface NotificationDto {
  id: string;
  kind: string;
  message: string;
  claimId: string | null;
  actor: PersonRef | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications: the newest first, with how many are unread in all. */
export interface NotificationListDto {
  items: NotificationDto[];
  unread: number;
}

export interface SpeakerDto {
  id: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  sameAs: string[];
  description: string | null;
  /** An editor's "always a moderator" (or other role) for every document; null when unset. */
  defaultRole: SpeakerRole | null;
  claimCount: number;
  factCheckCount: number;
}

/** A speaker of one document and the part they play there. */
export interface DocumentSpeakerDto {
  speaker: { id: string; name: string; kind: SpeakerKind };
  /** What claim detection read from the document's structure; null when it could not tell. */
  detectedRole: SpeakerRole | null;
  /** An editor's word for this document; null when unset. */
  documentRole: SpeakerRole | null;
  /** The speaker's role for every document; null when unset. */
  defaultRole: SpeakerRole | null;
  /** The role that counts (speakerRoleIn), and whether their lines stay out of "To triage". */
  role: SpeakerRole;
  asks: boolean;
  /** This speaker's claims in this document. */
  claimCount: number;
}

export interface StatsDto {
  claimsByState: Record<ClaimState, number>;
  overdueAssignments: number;
  publishedPerWeek: { week: string; count: number }[];
  ratings: { rating: string; label: string; colour: string; count: number }[];
  speakers: { speaker: SpeakerRef; checked: number; ratings: Record<string, number> }[];
}

export interface DocumentDto {
  id: string;
  title: string | null;
  outlet: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  /** Provenance taken at intake, which its claims inherit (sourceUrl above is the original's URL). */
  saidAt: string | null;
  venue: string | null;
  mediaUrl: string | null;
  mediaStartSeconds: number | null;
  /** The public name of where it appeared; the title stays internal. */
  appearedIn: string | null;
  language: string;
  format: DocumentFormat;
  status: DocumentStatus;
  /** 0–100. */
  progress: number;
  error: string | null;
  attempts: number;
  submittedBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  claimCount: number;
  checkworthyCount: number;
  /** The earlier document this is a version of (nearly the same text): its claims already there are not triaged again. */
  versionOf: { id: string; title: string | null } | null;
}

/** A claim where it sits in its document. */
export interface DocumentClaimDto {
  id: string;
  text: string;
  start: number;
  end: number;
  speaker: SpeakerRef | null;
  score: number;
  checkworthy: boolean;
  claimType: ClaimType;
  state: ClaimState;
  reasons: string[];
}

export interface DocumentDetailDto extends DocumentDto {
  text: string | null;
  claims: DocumentClaimDto[];
}

/** One scored sentence of a document: its span, score and speaker, and its claim when it is one. */
export interface DocumentSentenceDto {
  /** Reading order, 0-based. */
  index: number;
  start: number;
  end: number;
  /** The document's text between the offsets. */
  text: string;
  /** Check-worthiness, 0–1. */
  score: number;
  /** The speaker as detection named them, or null when unknown. */
  speaker: string | null;
  claimType: ClaimType;
  /** The claim with this sentence's span, or null (a near miss when the score is below the threshold). */
  claimId: string | null;
}

/** A page of a document's scored sentences (`GET /api/documents/:id/sentences`). */
export interface DocumentSentencesDto {
  documentId: string;
  /** False when the document was processed before every sentence's score was kept (or is not processed yet). */
  stored: boolean;
  /** The document's threshold (sentences at or above it are claims); null when nothing is stored. */
  threshold: number | null;
  /** The threshold detection used. */
  detectedThreshold: number | null;
  /** Sentences in the document. */
  sentenceCount: number;
  /** Sentences the asked-for band holds (all, near misses, or claims). */
  total: number;
  items: DocumentSentenceDto[];
  /** `offset` of the next page, or null on the last. */
  nextOffset: number | null;
}

/** What moving a document's threshold did. */
export interface DocumentThresholdDto {
  documentId: string;
  threshold: number;
  previous: number;
  /** Sentences at or above the new threshold that became claims. */
  created: number;
  /** Untouched, untriaged detector claims below it that left the inbox (they are near misses again). */
  removed: number;
  /** Claims below it that stay because a person made, touched or triaged them. */
  kept: number;
}

/** A near miss made a claim (or the claim it already was). */
export interface PromotedClaimDto {
  created: boolean;
  claim: DocumentClaimDto;
}

/** The answer to a submission: the document, and whether it was already known (same content). */
export interface DocumentSubmissionDto {
  document: DocumentDto;
  duplicate: boolean;
}

/** A monitored feed or listing page whose new items become documents. */
export interface MonitoredSourceDto {
  id: string;
  name: string;
  url: string;
  kind: MonitoredSourceKind;
  defaultSpeaker: SpeakerRef | null;
  defaultOutlet: string | null;
  pollIntervalMinutes: number;
  enabled: boolean;
  status: MonitoredSourceStatus;
  lastCheckedAt: string | null;
  lastNewItemAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}

export interface TodayGroupDto {
  name: string;
  /** The speaker or monitored source (null for "Unattributed" and "Submitted by staff"). */
  id: string | null;
  /** All of the group's claims in the window. */
  count: number;
  /** Its best claims by score (TODAY.groupClaims). */
  claims: ClaimSummaryDto[];
}

/** A claim that repeats a claim with a live fact-check, recorded since the window began. */
export interface TodayRepeatDto {
  claim: Pick<ClaimSummaryDto, 'id' | 'text' | 'state' | 'speaker' | 'document'>;
  /** It joined the checked cluster (same words, or confirmed by an editor); else it is a proposal to confirm. */
  joined: boolean;
  similarity: number;
  at: string;
  /** The earlier check: its cluster's first claim, the fact-check's slug and rating (null once retracted). */
  earlier: { claimId: string; slug: string | null; rating: string | null };
}

/**
 * The morning list (GET /api/today): claims detected since a moment. Every count is the database's; lists
 * are the first TODAY.sectionLimit (sections) or page (claims, then GET /api/claims with todayClaimsFilter).
 */
export interface TodayDto {
  since: string;
  /** Claims in the window. */
  total: number;
  /** Claims in the window with an earlier fact-check of the same claim, by score. */
  checkedBefore: ClaimSummaryDto[];
  checkedBeforeTotal: number;
  /** Repeats of fact-checked claims since the window began, newest first. */
  repeated: TodayRepeatDto[];
  repeatedTotal: number;
  /** The first page by score. */
  claims: ClaimSummaryDto[];
  nextCursor: string | null;
  bySpeaker: TodayGroupDto[];
  bySource: TodayGroupDto[];
}

/*
 * Server-sent events (GET /api/events): the worker publishes document events, the database notifies claim
 * changes; the API relays each as an event named by its `type` with the whole object as its data.
 */
export interface DocumentEventDto {
  type: 'document';
  documentId: string;
  status: DocumentStatus;
  /** 0–100. */
  progress: number;
  error: string | null;
  title?: string | null;
}

export interface ClaimsEventDto {
  type: 'claims';
  documentId: string;
  /** Claims stored for the document, and how many of them are check-worthy. */
  count: number;
  checkworthy: number;
}

/**
 * Someone changed a claim, its verdict, assignment, comments or fact-check (sent on commit, from the audit
 * event it wrote): screens showing the claim fetch it again.
 */
export interface ClaimEventDto {
  type: 'claim';
  claimId: string;
  /** The audit action, e.g. claim.submit, verdict.save, comment.create. */
  action: string;
  /** Who made the change; null for the system (the worker). */
  actorId: string | null;
}

export type DeskEventDto = DocumentEventDto | ClaimsEventDto | ClaimEventDto;

/** A bulk change refused as a whole (409): what each claim would have done, and why nothing changed. */
export interface BulkConflictDto extends BulkResultDto, ApiError {}

/** The content of a verdict as its editor holds it: what a draft keeps, sources without ids. */
export interface VerdictDraftContentDto {
  ratingId: string | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: Omit<VerdictSourceDto, 'id'>[];
}

/**
 * A person's unsaved edits to a claim's verdict, kept on the server as they type (not a version: the
 * verdict changes only when they save). `base` is the version they started from, so a draft restored after
 * someone else saved can be merged like any stale save.
 */
export interface VerdictDraftDto {
  claimId: string;
  /** The verdict version the edits started from; 0 before the verdict exists. */
  baseVersion: number;
  /** That version's content, as it was when the edits began. */
  base: VerdictDraftContentDto;
  content: VerdictDraftContentDto;
  savedAt: string;
}

/**
 * A verdict saved, submitted or approved against a version someone else saved since (409): nothing was
 * written. The person compares `current` with what they were looking at to see what changed.
 */
export interface VerdictConflictDto extends ApiError {
  /** The current version (to reapply an edit onto, or to look at); null when the verdict is gone. */
  current: VerdictDto | null;
}

/** A claim's state after a workflow step that answers nothing more. */
export interface ClaimStateDto {
  id: string;
  state: ClaimState;
}

/** How many notifications were marked read. */
export interface MarkedReadDto {
  marked: number;
}

/** A source check asked for now: false when one is already queued or running. */
export interface PollQueuedDto {
  queued: boolean;
}

/** Approval refused (409): what stands between the verdict and approval, one sentence each. */
export interface VerdictIncompleteDto extends ApiError {
  problems: string[];
}
