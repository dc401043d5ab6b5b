import { randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  changedFields,
  factCheckSlug,
  verdictProblems,
  type FactCheckDto,
  type FactCheckListItemDto,
  type FactCheckSnapshot,
  type FactCheckVersionDto,
  type Page,
} from '@factdesk/domain';
import {
  AssignmentsRepository,
  ClaimEntity,
  DocumentEntity,
  PublicationsRepository,
  SpeakerEntity,
  UserEntity,
  VerdictEntity,
} from '@factdesk/persistence';
import { httpError } from '../common/errors.js';
import { iso, person, toFactCheckDto, toSourceDto } from '../common/views.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import type { CorrectDto } from '../verdicts/dto.js';

@Injectable()
export class PublishingService {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly verdicts: VerdictsService,
    private readonly publications: PublicationsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  /** Freezes what readers will see: the claim, its speaker, and the verdict as it stands. */
  private async snapshot(
    m: EntityManager,
    claimId: string,
  ): Promise<{ snapshot: FactCheckSnapshot; verdict: VerdictEntity }> {
    const claim = await m.getRepository(ClaimEntity).findOneOrFail({ where: { id: claimId } });
    const [speaker, document, found] = await Promise.all([
      claim.speakerId ? m.getRepository(SpeakerEntity).findOneBy({ id: claim.speakerId }) : null,
      claim.documentId
        ? m.getRepository(DocumentEntity).findOne({
            where: { id: claim.documentId },
            select: { id: true, title: true, sourceUrl: true, outlet: true, publishedAt: true },
          })
        : null,
      this.verdicts.load(m, claimId),
    ]);
    const { verdict, sources } = found!;
    const authors = [
      verdict.author,
      ...(verdict.approvedBy && verdict.approvedBy.id !== verdict.author.id ? [verdict.approvedBy] : []),
    ].map(person);
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
        rating: verdict.rating
          ? {
              id: verdict.rating.id,
              slug: verdict.rating.slug,
              label: verdict.rating.label,
              value: verdict.rating.value,
              colour: verdict.rating.colour,
            }
          : null,
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
        await this.publications.publish(
          m,
          {
            claimId,
            slug: factCheckSlug(verdict.headline || claim.text, randomBytes(4).toString('hex')),
            speakerId: claim.speakerId,
            ratingId: verdict.ratingId,
            publishedAt: now,
            verdictVersion: verdict.version,
            snapshot,
          },
          { actorId: user.id, requestId },
        );
        await this.verdicts.markPublished(m, verdict.id);
        if (assignment) await this.assignments.complete(m, assignment, now);
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
        const factCheck = await this.publications.lockOfClaim(m, claimId);
        const previous = await this.publications.currentSnapshot(m, factCheck);
        const current = (await this.verdicts.load(m, claimId, true))!;
        await this.verdicts.applyCorrection(m, current.verdict, changes, user);
        const { snapshot, verdict } = await this.snapshot(m, claimId);
        // Readers are never shown less than approval asked for.
        const problems = verdictProblems({ ...verdict, sources: snapshot.sources });
        if (problems.length)
          throw httpError(409, `The corrected verdict would not be complete: ${problems.join(' ')}`, { problems });
        await this.publications.correct(
          m,
          factCheck,
          {
            note,
            ratingId: verdict.ratingId,
            verdictVersion: verdict.version,
            snapshot,
            fields: changedFields(previous, snapshot),
          },
          { actorId: user.id, requestId },
        );
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
        const factCheck = await this.publications.lockOfClaim(m, claimId);
        await this.publications.retract(m, factCheck, note, { actorId: user.id, requestId });
      },
    });
    return this.factCheckOfClaim(claimId);
  }

  async factCheckOfClaim(claimId: string): Promise<FactCheckDto> {
    const found = await this.publications.ofClaim(claimId);
    if (!found) throw new NotFoundException('This claim has not been published.');
    return toFactCheckDto(found.factCheck, found.corrections);
  }

  /** Staff list of published fact-checks, newest first, paged by publication time. */
  async list(limit: number, before?: string): Promise<Page<FactCheckListItemDto>> {
    const { items, more } = await this.publications.list(limit, before);
    return {
      items: items.map(({ factCheck, corrections, headline }) => ({
        ...toFactCheckDto(factCheck, corrections),
        headline,
        rating: factCheck.rating?.label ?? null,
      })),
      nextCursor: more ? items[items.length - 1].factCheck.publishedAt.toISOString() : null,
    };
  }

  async versions(factCheckId: string): Promise<FactCheckVersionDto[]> {
    const rows = await this.publications.versions(factCheckId);
    if (!rows.length) throw new NotFoundException('No such fact-check.');
    return rows.map((v) => ({
      version: v.version,
      verdictVersion: v.verdictVersion,
      snapshot: v.snapshot as unknown as FactCheckSnapshot,
      createdAt: v.createdAt.toISOString(),
      createdBy: person(v.createdBy),
    }));
  }
}
