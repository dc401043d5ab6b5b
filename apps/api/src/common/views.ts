import type {
  ApiTokenDto,
  AssignmentDto,
  AuditEventDto,
  CommentDto,
  CorrectionDto,
  DocumentClaimDto,
  FactCheckDto,
  NotificationDto,
  PersonRef,
  RatingDto,
  UserDto,
  VerdictDto,
} from '@factdesk/domain';
import { verdictProblems } from '@factdesk/domain';
import type {
  ApiTokenEntity,
  AssignmentEntity,
  AuditEventEntity,
  ClaimEntity,
  CommentEntity,
  CorrectionEntity,
  FactCheckEntity,
  NotificationEntity,
  RatingEntity,
  UserEntity,
  VerdictEntity,
  VerdictSourceEntity,
  VerdictVersionEntity,
} from '@factdesk/persistence';

/** A claim or comment shortened for a notification line. */
export const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const person = (u: Pick<UserEntity, 'id' | 'name'>): PersonRef => ({ id: u.id, name: u.name });

export function toRatingDto(r: RatingEntity): RatingDto {
  return {
    id: r.id,
    slug: r.slug,
    label: r.label,
    description: r.description,
    value: r.value,
    colour: r.colour,
    position: r.position,
    active: r.active,
  };
}

export function toSourceDto(s: VerdictSourceEntity) {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn,
    quote: s.quote,
    kind: s.kind,
  };
}

/** Needs `rating`, `author` and `approvedBy` loaded, and the sources in order. */
/** `current`: the current version's row with its author loaded, when kept (else the verdict's author made it). */
export function toVerdictDto(
  v: VerdictEntity,
  sources: VerdictSourceEntity[],
  current?: VerdictVersionEntity | null,
): VerdictDto {
  const sourceDtos = sources.map(toSourceDto);
  return {
    id: v.id,
    claimId: v.claimId,
    version: v.version,
    state: v.state,
    rating: v.rating ? toRatingDto(v.rating) : null,
    headline: v.headline,
    conclusion: v.conclusion,
    analysis: v.analysis,
    sources: sourceDtos,
    author: person(v.author),
    versionBy: person(current?.author ?? v.author),
    versionKind: current?.kind ?? 'save',
    submittedAt: iso(v.submittedAt),
    approvedAt: iso(v.approvedAt),
    approvedBy: v.approvedBy ? person(v.approvedBy) : null,
    updatedAt: v.updatedAt.toISOString(),
    problems: verdictProblems({
      ratingId: v.ratingId,
      headline: v.headline,
      conclusion: v.conclusion,
      analysis: v.analysis,
      sources: sourceDtos,
    }),
  };
}

/** Needs `claim`, `assignee` and `assignedBy` loaded. */
export function toAssignmentDto(a: AssignmentEntity): AssignmentDto {
  return {
    id: a.id,
    claimId: a.claimId,
    claimText: a.claim.text,
    claimState: a.claim.state,
    assignee: person(a.assignee),
    assignedBy: person(a.assignedBy),
    dueAt: iso(a.dueAt),
    note: a.note,
    state: a.state,
    createdAt: a.createdAt.toISOString(),
    endedAt: iso(a.endedAt),
  };
}

export function toCorrectionDto(c: CorrectionEntity): CorrectionDto {
  return {
    id: c.id,
    kind: c.kind,
    note: c.note,
    fields: c.fields ?? [],
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toFactCheckDto(f: FactCheckEntity, corrections: CorrectionEntity[]): FactCheckDto {
  return {
    id: f.id,
    claimId: f.claimId,
    slug: f.slug,
    state: f.state,
    currentVersion: f.currentVersion,
    publishedAt: f.publishedAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    retractedAt: iso(f.retractedAt),
    corrections: corrections.map(toCorrectionDto),
  };
}

/** Needs `author` loaded. */
export function toCommentDto(c: CommentEntity): CommentDto {
  return {
    id: c.id,
    claimId: c.claimId,
    author: person(c.author),
    body: c.body,
    verdictVersion: c.verdictVersion,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Needs `actor` loaded. */
export function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    claimId: n.claimId,
    actor: n.actor ? person(n.actor) : null,
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  };
}

/** Needs `actor` loaded. */
export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: String(e.id),
    action: e.action,
    actor: e.actor ? person(e.actor) : null,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: iso(u.lastLoginAt),
  };
}

export function toApiTokenDto(t: ApiTokenEntity): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    userId: t.userId,
    createdAt: t.createdAt.toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

/** A claim where it sits in its document (its speaker loaded). */
export function toDocumentClaimDto(c: ClaimEntity): DocumentClaimDto {
  return {
    id: c.id,
    text: c.text,
    start: c.startOffset!,
    end: c.endOffset!,
    speaker: c.speaker ? { id: c.speaker.id, name: c.speaker.name } : null,
    score: c.score,
    checkworthy: c.checkworthy,
    claimType: c.claimType,
    state: c.state,
    reasons: c.reasons,
  };
}
