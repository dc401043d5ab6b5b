import { randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { factCheckSlug, type FactCheckDto, type FactCheckListItemDto, type FactCheckSnapshot, type FactCheckVersionDto, type Page } from '@factdesk/domain';
import {
  AssignmentEntity,
  ClaimEntity,
  CorrectionEntity,
  DocumentEntity,
  FactCheckEntity,
  FactCheckVersionEntity,
  SpeakerEntity,
  UserEntity,
  VerdictEntity,
} from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { iso, person, toFactCheckDto, toSourceDto } from '../editorial/views.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import type { CorrectDto } from '../verdicts/dto.js';

@Injectable()
export class PublishingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowService,
    private readonly verdicts: VerdictsService,
    private readonly audit: AuditService,
  ) {}

  /** Freezes what readers will see: the claim, its speaker, and the verdict as it stands. */
  private async snapshot(m: EntityManager, claimId: string): Promise<{ snapshot: FactCheckSnapshot; verdict: VerdictEntity }> {
    const claim = await m.getRepository(ClaimEntity).findOneOrFail({ where: { id: claimId } });
    const [speaker, document, found] = await Promise.all([
      claim.speakerId ? m.getRepository(SpeakerEntity).findOneBy({ id: claim.speakerId }) : null,
      claim.documentId ? m.getRepository(DocumentEntity).findOne({ where: { id: claim.documentId }, select: { id: true, title: true, sourceUrl: true, outlet: true, publishedAt: true } }) : null,
      this.verdicts.load(m, claimId),
    ]);
    const { verdict, sources } = found!;
    const authors = [verdict.author, ...(verdict.approvedBy && verdict.approvedBy.id !== verdict.author.id ? [verdict.approvedBy] : [])].map(person);
    return {
      verdict,
      snapshot: {
        claim: {
          id: claim.id,
          text: claim.text,
          saidAt: iso(claim.saidAt ?? document?.publishedAt),
          saidWhereUrl: claim.saidWhereUrl ?? document?.sourceUrl ?? null,
          documentTitle: document?.title ?? null,
          documentUrl: document?.sourceUrl ?? null,
          outlet: document?.outlet ?? null,
        },
        speaker: speaker ? { id: speaker.id, name: speaker.name, kind: speaker.kind, sameAs: speaker.sameAs } : null,
        rating: verdict.rating ? { id: verdict.rating.id, slug: verdict.rating.slug, label: verdict.rating.label, value: verdict.rating.value, colour: verdict.rating.colour } : null,
        headline: verdict.headline,
        conclusion: verdict.conclusion,
        analysis: verdict.analysis,
        sources: sources.map(toSourceDto).map(({ id: _id, ...s }) => s),
        authors,
      },
    };
  }

  async publish(claimId: string, user: UserEntity, requestId: string): Promise<FactCheckDto> {
    await this.workflow.transition(claimId, {
      action: 'publish',
      actor: user,
      requestId,
      effect: async (m, { claim, assignment }) => {
        const { snapshot, verdict } = await this.snapshot(m, claimId);
        const now = new Date();
        const factChecks = m.getRepository(FactCheckEntity);
        const published = await factChecks.save(
          factChecks.create({
            claimId,
            slug: factCheckSlug(verdict.headline || claim.text, randomBytes(4).toString('hex')),
            state: 'published',
            currentVersion: 1,
            speakerId: claim.speakerId,
            ratingId: verdict.ratingId,
            publishedAt: now,
            publishedById: user.id,
          }),
        );
        await m.getRepository(FactCheckVersionEntity).insert({ factCheckId: published.id, version: 1, verdictVersion: verdict.version, snapshot: snapshot as never, createdById: user.id });
        await m.getRepository(VerdictEntity).update({ id: verdict.id }, { state: 'published' });
        if (assignment) await m.getRepository(AssignmentEntity).update({ id: assignment.id }, { state: 'completed', endedAt: now });
        await this.audit.record({ actorId: user.id, action: 'fact_check.publish', entityType: 'fact_check', entityId: published.id, claimId, after: { slug: published.slug, version: 1, rating: snapshot.rating?.label ?? null }, requestId }, m);
      },
    });
    return this.factCheckOfClaim(claimId);
  }

  /** Publishes a new version with a public note of what changed; earlier versions stay readable by staff. */
  async correct(claimId: string, input: CorrectDto, user: UserEntity, requestId: string): Promise<FactCheckDto> {
    const { note, ...changes } = input;
    await this.workflow.transition(claimId, {
      action: 'correct',
      actor: user,
      input: { note },
      requestId,
      effect: async (m) => {
        const factCheck = await m.getRepository(FactCheckEntity).findOneOrFail({ where: { claimId }, lock: { mode: 'pessimistic_write' } });
        const current = (await this.verdicts.load(m, claimId, true))!;
        await this.verdicts.applyContent(m, current.verdict, changes);
        const { snapshot, verdict } = await this.snapshot(m, claimId);
        const version = factCheck.currentVersion + 1;
        await m.getRepository(FactCheckVersionEntity).insert({ factCheckId: factCheck.id, version, verdictVersion: verdict.version, snapshot: snapshot as never, createdById: user.id });
        await m.getRepository(CorrectionEntity).insert({ factCheckId: factCheck.id, kind: 'correction', note, version, createdById: user.id });
        Object.assign(factCheck, { state: 'corrected', currentVersion: version, ratingId: verdict.ratingId, speakerId: snapshot.speaker?.id ?? null });
        await m.getRepository(FactCheckEntity).save(factCheck);
        await this.audit.record({ actorId: user.id, action: 'fact_check.correct', entityType: 'fact_check', entityId: factCheck.id, claimId, before: { version: version - 1 }, after: { version, note, rating: snapshot.rating?.label ?? null }, requestId }, m);
      },
    });
    return this.factCheckOfClaim(claimId);
  }

  /** The page stays, with the retraction note on top; the fact-check leaves the feeds' claim reviews. */
  async retract(claimId: string, note: string, user: UserEntity, requestId: string): Promise<FactCheckDto> {
    await this.workflow.transition(claimId, {
      action: 'retract',
      actor: user,
      input: { note },
      requestId,
      effect: async (m) => {
        const factCheck = await m.getRepository(FactCheckEntity).findOneOrFail({ where: { claimId }, lock: { mode: 'pessimistic_write' } });
        await m.getRepository(CorrectionEntity).insert({ factCheckId: factCheck.id, kind: 'retraction', note, version: factCheck.currentVersion, createdById: user.id });
        Object.assign(factCheck, { state: 'retracted', retractedAt: new Date() });
        await m.getRepository(FactCheckEntity).save(factCheck);
        await this.audit.record({ actorId: user.id, action: 'fact_check.retract', entityType: 'fact_check', entityId: factCheck.id, claimId, after: { note }, requestId }, m);
      },
    });
    return this.factCheckOfClaim(claimId);
  }

  async factCheckOfClaim(claimId: string): Promise<FactCheckDto> {
    const fc = await this.db.getRepository(FactCheckEntity).findOneBy({ claimId });
    if (!fc) throw new NotFoundException('This claim has not been published.');
    const corrections = await this.db.getRepository(CorrectionEntity).find({ where: { factCheckId: fc.id }, order: { createdAt: 'ASC' } });
    return toFactCheckDto(fc, corrections);
  }

  /** Staff list of published fact-checks, newest first, paged by publication time. */
  async list(limit: number, before?: string): Promise<Page<FactCheckListItemDto>> {
    const qb = this.db
      .getRepository(FactCheckEntity)
      .createQueryBuilder('f')
      .leftJoinAndSelect('f.rating', 'rating')
      .orderBy('f.published_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .take(limit + 1);
    if (before) qb.where('f.published_at < :before', { before });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const versions = page.length
      ? await this.db.getRepository(FactCheckVersionEntity).createQueryBuilder('v').where('(v.fact_check_id, v.version) IN (SELECT id, current_version FROM fact_checks WHERE id = ANY(:ids))', { ids: page.map((f) => f.id) }).getMany()
      : [];
    const corrections = page.length ? await this.db.getRepository(CorrectionEntity).createQueryBuilder('c').where('c.fact_check_id = ANY(:ids)', { ids: page.map((f) => f.id) }).orderBy('c.created_at').getMany() : [];
    return {
      items: page.map((f) => ({
        ...toFactCheckDto(f, corrections.filter((c) => c.factCheckId === f.id)),
        headline: String((versions.find((v) => v.factCheckId === f.id)?.snapshot as unknown as FactCheckSnapshot | undefined)?.headline ?? ''),
        rating: f.rating?.label ?? null,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].publishedAt.toISOString() : null,
    };
  }

  async versions(factCheckId: string): Promise<FactCheckVersionDto[]> {
    const rows = await this.db.getRepository(FactCheckVersionEntity).find({ where: { factCheckId }, relations: { createdBy: true }, order: { version: 'ASC' } });
    if (!rows.length) throw new NotFoundException('No such fact-check.');
    return rows.map((v) => ({ version: v.version, verdictVersion: v.verdictVersion, snapshot: v.snapshot as unknown as FactCheckSnapshot, createdAt: v.createdAt.toISOString(), createdBy: person(v.createdBy) }));
  }
}
