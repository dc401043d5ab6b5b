import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import {
  changedFields,
  verdictProblems,
  type FactCheckDto,
  type FactCheckListItemDto,
  type FactCheckSnapshot,
  type FactCheckVersionDto,
  type Page,
} from '@factdesk/domain';
import { ClaimEntity, ClaimPublisher, PublicationsRepository, type UserEntity } from '@factdesk/persistence';
import { claimReview, factCheckPage, type PublicFactCheck } from '@factdesk/publishing';
import { InjectConfig } from '../common/config.js';
import { httpError } from '../common/errors.js';
import { person, toFactCheckDto } from '../common/views.js';
import { PublicReader } from '../public/public-reader.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { asHttp, WorkflowService } from '../workflow/workflow.service.js';
import type { CorrectDto } from '../verdicts/dto.js';

/** The public page and ClaimReview an approved verdict would publish as, and the publication time they assume. */
export interface Preview {
  html: string;
  claimReview: object | null;
  publishedAt: string;
  slug: string;
}

@Injectable()
export class PublishingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly reader: PublicReader,
    private readonly workflow: WorkflowService,
    private readonly verdicts: VerdictsService,
    private readonly publications: PublicationsRepository,
    private readonly publisher: ClaimPublisher,
  ) {}

  async publish(claimId: string, user: UserEntity, requestId: string): Promise<FactCheckDto> {
    // The one publish step (libs/persistence), also the worker's for a scheduled publication.
    await this.db.transaction(async (m) => {
      const locked = await this.workflow.lock(m, claimId);
      await asHttp(() => this.publisher.publishClaim(m, locked, user, requestId, new Date()));
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
        const { snapshot, verdict } = await this.publisher.snapshot(m, claimId);
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

  /**
   * Exactly what Publish would put out now: the same snapshot, slug and renderer as the public page. The one
   * thing publishing itself decides is the publication time: `at` (a scheduled time) or now.
   */
  async preview(claimId: string, at?: Date): Promise<Preview> {
    const claim = await this.db.getRepository(ClaimEntity).findOneBy({ id: claimId });
    if (!claim) throw new NotFoundException('No such claim.');
    if (claim.state !== 'approved')
      throw new ConflictException(
        `This claim is ${claim.state.replace(/_/g, ' ')}: only an approved verdict can be previewed before publishing.`,
      );
    const [{ snapshot, slug }, facts] = await Promise.all([
      this.publisher.snapshot(this.db.manager, claimId),
      this.reader.siteFacts(),
    ]);
    const publishedAt = (at ?? new Date()).toISOString();
    const fc: PublicFactCheck = {
      id: claimId,
      slug,
      state: 'published',
      version: 1,
      publishedAt,
      retractedAt: null,
      snapshot,
      corrections: [],
    };
    return {
      html: factCheckPage(fc, this.config.site, facts.bounds),
      claimReview: claimReview(fc, this.config.site, facts.bounds),
      publishedAt,
      slug,
    };
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
