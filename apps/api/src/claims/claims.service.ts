import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  availableActions,
  decideClaimEdit,
  inheritProvenance,
  provenanceWarnings,
  type AuditEventDto,
  type ClaimDetailDto,
  type Page,
  type ClaimSummaryDto,
  type SimilarClaimDto,
  type TextSpan,
  type ClaimAppearanceDto,
} from '@factdesk/domain';
import {
  appearanceOf,
  AuditRepository,
  claimOwnProvenance,
  ClaimsRepository,
  documentProvenance,
  type ClaimEntity,
  type ClusterAppearanceRow,
  PublicationSchedulesRepository,
  type UserEntity,
} from '@factdesk/persistence';
import { toScheduleDto } from '../publishing/schedule.service.js';
import { FieldValidationException, httpError } from '../common/errors.js';
import { iso, toAssignmentDto, toAuditEventDto, toFactCheckDto, toVerdictDto } from '../common/views.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { CreateClaimDto, ListClaimsQuery, UpdateClaimDto } from './dto.js';
import { listClaims } from './claims.query.js';

/** How much of the document to show on each side of a claim. */
const CONTEXT_CHARS = 600;

/** The text around [start, end), trimmed to whole sentences, with offsets into the document. */
export function claimContext(text: string, start: number, end: number): { before: TextSpan; after: TextSpan } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0) {
    const boundary = text.slice(from, start).search(/[.!?…]["'”’)]?\s+|\n/);
    if (boundary >= 0)
      from += boundary + (text.slice(from + boundary).match(/^[.!?…]["'”’)]?\s+|^\n/)?.[0].length ?? 1);
  }
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length) {
    const window = text.slice(end, to);
    const lastStop = Math.max(
      window.lastIndexOf('. '),
      window.lastIndexOf('\n'),
      window.lastIndexOf('? '),
      window.lastIndexOf('! '),
    );
    if (lastStop > 0) to = end + lastStop + 1;
  }
  return {
    before: { text: text.slice(from, start), start: from, end: start },
    after: { text: text.slice(end, to), start: end, end: to },
  };
}

@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly speakers: SpeakersService,
    private readonly audit: AuditRepository,
    private readonly claims: ClaimsRepository,
    private readonly schedules: PublicationSchedulesRepository,
  ) {}

  list(query: ListClaimsQuery, user: UserEntity): Promise<Page<ClaimSummaryDto>> {
    return listClaims(this.db, query, user.id);
  }

  async detail(id: string, user: UserEntity): Promise<ClaimDetailDto> {
    const [rows, history, cluster, schedule] = await Promise.all([
      this.claims.detailRows(id),
      this.historyOf(id),
      this.claims.clusterAppearances(id),
      this.schedules.pending(id),
    ]);
    if (!rows) throw new NotFoundException('No such claim.');
    const { claim, assignments, verdict, sources, verdictVersion, factCheck, corrections, matches, matchedFactChecks } =
      rows;
    const active = assignments.find((a) => a.state === 'active') ?? null;
    const similar: SimilarClaimDto[] = matches.map((mm) => {
      const fc = matchedFactChecks.find((f) => f.claimId === mm.matchedClaimId);
      return {
        id: mm.matchedClaim.id,
        text: mm.matchedClaim.text,
        state: mm.matchedClaim.state,
        speaker: mm.matchedClaim.speaker
          ? { id: mm.matchedClaim.speaker.id, name: mm.matchedClaim.speaker.name }
          : null,
        similarity: mm.similarity,
        factCheck: fc && fc.state !== 'retracted' ? { slug: fc.slug, rating: fc.rating?.label ?? null } : null,
      };
    });
    const checkedBefore = similar.find((s) => s.factCheck);
    const doc = claim.document;
    const own = claimOwnProvenance(claim);
    const inherited = doc ? documentProvenance(doc) : null;
    const effective = inheritProvenance(own, inherited);
    return {
      id: claim.id,
      text: claim.text,
      state: claim.state,
      score: claim.score,
      checkworthy: claim.checkworthy,
      claimType: claim.claimType,
      reasons: claim.reasons,
      speaker: claim.speaker ? { id: claim.speaker.id, name: claim.speaker.name } : null,
      document: doc ? { id: doc.id, title: doc.title } : null,
      saidAt: iso(claim.saidAt),
      createdAt: claim.createdAt.toISOString(),
      assignee: active ? { id: active.assignee.id, name: active.assignee.name } : null,
      dueAt: iso(active?.dueAt),
      checkedBefore: checkedBefore
        ? {
            slug: checkedBefore.factCheck!.slug,
            rating: checkedBefore.factCheck!.rating,
            similarity: checkedBefore.similarity,
          }
        : null,
      startOffset: claim.startOffset,
      endOffset: claim.endOffset,
      entities: claim.entities,
      saidWhereUrl: claim.saidWhereUrl,
      dismissalReason: claim.dismissalReason,
      context:
        doc?.originalText && claim.startOffset !== null && claim.endOffset !== null
          ? {
              ...claimContext(doc.originalText, claim.startOffset, claim.endOffset),
              documentUrl: doc.sourceUrl,
              outlet: doc.outlet,
            }
          : null,
      assignments: assignments.map(toAssignmentDto),
      verdict: verdict ? toVerdictDto(verdict, sources, verdictVersion) : null,
      factCheck: factCheck ? toFactCheckDto(factCheck, corrections) : null,
      similar,
      duplicateOf: claim.duplicateOfId
        ? (({ id: headId, text, state }) => ({ id: headId, text, state }))(cluster[0])
        : null,
      appearances: cluster.length > 1 ? cluster.map(toAppearanceDto) : [],
      provenance: { effective, own, document: inherited },
      provenanceWarnings: provenanceWarnings(effective),
      publicationSchedule: schedule ? toScheduleDto(schedule) : null,
      history,
      actions: availableActions({ state: claim.state, assigneeId: active?.assigneeId ?? null }, user),
    };
  }

  /** A claim an editor heard or saw elsewhere: it starts accepted, since someone chose it. */
  async create(input: CreateClaimDto, user: UserEntity, requestId: string): Promise<ClaimEntity> {
    if (input.speakerId && input.speakerName) throw new BadRequestException('Give speakerId or speakerName, not both.');
    if (input.startOffset !== undefined && !input.documentId)
      throw new FieldValidationException([{ field: 'documentId', message: 'is needed with offsets' }]);
    if (input.startOffset !== undefined && input.endOffset! <= input.startOffset)
      throw new FieldValidationException([{ field: 'endOffset', message: 'must be after startOffset' }]);
    return this.db.transaction(async (m) => {
      if (input.documentId) {
        const length = await this.claims.documentTextLength(m, input.documentId);
        if (length === null) throw new FieldValidationException([{ field: 'documentId', message: 'no such document' }]);
        if (input.endOffset !== undefined && input.endOffset > length)
          throw new FieldValidationException([
            { field: 'endOffset', message: "is past the end of the document's text" },
          ]);
      }
      const speaker = input.speakerId
        ? await this.speakers.get(m, input.speakerId)
        : input.speakerName
          ? await this.speakers.findOrCreate(m, input.speakerName)
          : null;
      return this.claims.create(
        m,
        {
          text: input.text,
          speaker,
          saidAt: input.saidAt ? new Date(input.saidAt) : null,
          saidWhereUrl: input.saidWhereUrl ?? null,
          claimType: input.claimType ?? 'other',
          state: 'accepted',
          checkworthy: true,
          reasons: [`entered by hand by ${user.name}`],
          createdById: user.id,
          documentId: input.documentId ?? null,
          startOffset: input.startOffset ?? null,
          endOffset: input.endOffset ?? null,
        },
        { actorId: user.id, requestId },
      );
    });
  }

  /** Editors correct a claim's text, speaker or type; the history keeps what it was. */
  async update(id: string, input: UpdateClaimDto, user: UserEntity, requestId: string): Promise<ClaimEntity> {
    if (input.speakerId !== undefined && input.speakerName)
      throw new BadRequestException('Give speakerId or speakerName, not both.');
    return this.db.transaction(async (m) => {
      const claim = (await this.claims.lock(m, id))?.claim;
      if (!claim) throw new NotFoundException('No such claim.');
      claim.speaker = claim.speakerId ? await this.speakers.get(m, claim.speakerId) : null;
      const editable = decideClaimEdit(claim.state);
      if (!editable.ok) throw httpError(editable.status, editable.message);
      const before = { text: claim.text, speaker: claim.speaker?.name ?? null, claimType: claim.claimType };
      if (input.text !== undefined) claim.text = input.text;
      if (input.claimType !== undefined) claim.claimType = input.claimType;
      if (input.speakerId !== undefined || input.speakerName) {
        const speaker = input.speakerName
          ? await this.speakers.findOrCreate(m, input.speakerName)
          : input.speakerId
            ? await this.speakers.get(m, input.speakerId)
            : null;
        claim.speakerId = speaker?.id ?? null;
        claim.speaker = speaker;
      }
      await this.claims.edit(m, claim, before, { actorId: user.id, requestId });
      return claim;
    });
  }

  async history(id: string): Promise<AuditEventDto[]> {
    if (!(await this.claims.exists(id))) throw new NotFoundException('No such claim.');
    return this.historyOf(id);
  }

  private async historyOf(id: string): Promise<AuditEventDto[]> {
    return (await this.audit.forClaim(id)).map(toAuditEventDto);
  }
}

function toAppearanceDto(a: ClusterAppearanceRow): ClaimAppearanceDto {
  return {
    claimId: a.id,
    text: a.text,
    state: a.state,
    speaker: a.speakerId ? { id: a.speakerId, name: a.speakerName! } : null,
    document: a.documentId ? { id: a.documentId, title: a.documentTitle } : null,
    saidAt: iso(a.saidAt),
    startOffset: a.startOffset,
    endOffset: a.endOffset,
    provenance: (({ outlet: _, ...p }) => p)(appearanceOf(a)),
  };
}
