import type { ClaimEntity, ClaimState, ClaimType, SpeakerKind } from './claims.js';
import type { AssignmentState, CorrectionKind, FactCheckState, MonitoredSourceKind, MonitoredSourceStatus, SourceKind, VerdictState } from './editorial.js';
import type { DocumentFormat, DocumentStatus } from './documents.js';
import type { ClaimAction } from './workflow.js';

/** A page of a keyset-paginated list: pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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

/** What readers saw at one version of a fact-check: frozen at publication or correction. */
export interface FactCheckSnapshot {
  claim: { id: string; text: string; saidAt: string | null; saidWhereUrl: string | null; documentTitle: string | null; documentUrl: string | null; outlet: string | null };
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
  /** Every change, oldest first. */
  history: AuditEventDto[];
  /** What the signed-in user may do to it now. */
  actions: ClaimAction[];
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
  claimCount: number;
  factCheckCount: number;
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
  count: number;
  claims: ClaimSummaryDto[];
}

/** The morning list (GET /api/today): claims detected since a moment, grouped by speaker and by source. */
export interface TodayDto {
  since: string;
  total: number;
  checkedBefore: ClaimSummaryDto[];
  claims: ClaimSummaryDto[];
  bySpeaker: TodayGroupDto[];
  bySource: TodayGroupDto[];
}

/*
 * Server-sent events (GET /api/events): the worker publishes them, the API relays each as an event
 * named by its `type` with the whole object as its data.
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

export type DeskEventDto = DocumentEventDto | ClaimsEventDto;
