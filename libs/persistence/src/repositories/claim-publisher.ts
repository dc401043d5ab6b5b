import type { DataSource, EntityManager } from 'typeorm';
import { factCheckSlug, inheritProvenance, type FactCheckSnapshot } from '@factdesk/domain';
import {
  ClaimEntity,
  DocumentEntity,
  PublicationScheduleEntity,
  SpeakerEntity,
  UserEntity,
  type AssignmentEntity,
  type FactCheckEntity,
  type VerdictEntity,
} from '../entities/index.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimWorkflow, WorkflowRefusal, type LockedClaim, type TransitionCall } from './claim-workflow.js';
import { PublicationSchedulesRepository } from './publication-schedules.repository.js';
import { appearanceOf, claimOwnProvenance, documentProvenance } from './provenance.js';
import { PublicationsRepository } from './publications.repository.js';
import { VerdictsRepository } from './verdicts.repository.js';

/** What readers will see of a claim now, and the verdict it was taken from. */
export interface ClaimSnapshot {
  snapshot: FactCheckSnapshot;
  verdict: VerdictEntity;
  /** The slug publishing gives it (derived from the claim, so a preview shows the very address). */
  slug: string;
}

/** What became of one firing of a scheduled publication (a delayed job's run). */
export type ScheduledPublication =
  | { kind: 'published'; factCheckId: string }
  /** Nothing pending at that version: published already, rescheduled, cancelled, cleared, or the claim is gone. */
  | { kind: 'stale' }
  /** Its time has not come (a job that ran early): try again in `waitMs`. */
  | { kind: 'early'; waitMs: number }
  /** The workflow refused the publication (recorded on the schedule, which is no longer pending). */
  | { kind: 'refused'; message: string };

/**
 * Publishing's one sequence, shared by the API (an editor's Publish, a preview, a correction's snapshot) and
 * the worker (a scheduled publication): it writes only through the repositories of the tables involved,
 * inside the caller's transaction (the claim's, locked, after the workflow allowed the step).
 */
export class ClaimPublisher {
  private readonly publications: PublicationsRepository;
  private readonly verdicts: VerdictsRepository;
  private readonly assignments: AssignmentsRepository;
  private readonly claims: ClaimsRepository;
  private readonly workflow: ClaimWorkflow;
  private readonly schedules: PublicationSchedulesRepository;

  constructor(private readonly db: DataSource) {
    this.claims = new ClaimsRepository(db);
    this.workflow = new ClaimWorkflow(db);
    this.schedules = new PublicationSchedulesRepository(db);
    this.publications = new PublicationsRepository(db);
    this.verdicts = new VerdictsRepository(db);
    this.assignments = new AssignmentsRepository(db);
  }

  /** Freezes what readers will see: the claim, its speaker, and the verdict as it stands. */
  async snapshot(m: EntityManager, claimId: string): Promise<ClaimSnapshot> {
    const claim = await m.getRepository(ClaimEntity).findOneOrFail({ where: { id: claimId } });
    const [speaker, document, found, cluster] = await Promise.all([
      claim.speakerId ? m.getRepository(SpeakerEntity).findOneBy({ id: claim.speakerId }) : null,
      claim.documentId
        ? m.getRepository(DocumentEntity).findOne({
            where: { id: claim.documentId },
            // Not its text: a long transcript is megabytes the snapshot does not need.
            select: {
              ...{ id: true, title: true, sourceUrl: true, outlet: true, publishedAt: true, saidAt: true },
              ...{ venue: true, mediaUrl: true, mediaStartSeconds: true, appearedIn: true },
            },
          })
        : null,
      this.verdicts.load(m, claimId),
      this.claims.clusterAppearances(claimId, m),
    ]);
    const { saidAt, sourceUrl, ...where } = inheritProvenance(
      claimOwnProvenance(claim),
      document ? documentProvenance(document) : null,
    );
    const { verdict, sources } = found!;
    const authors = [
      verdict.author,
      ...(verdict.approvedBy && verdict.approvedBy.id !== verdict.author.id ? [verdict.approvedBy] : []),
    ].map((u) => ({ id: u.id, name: u.name }));
    return {
      verdict,
      slug: factCheckSlug(verdict.headline || claim.text, claim.id.replace(/-/g, '')),
      snapshot: {
        claim: {
          id: claim.id,
          text: claim.text,
          saidAt,
          saidWhereUrl: sourceUrl,
          documentTitle: document?.title ?? null,
          documentUrl: document?.sourceUrl ?? null,
          outlet: document?.outlet ?? null,
          ...where,
        },
        // Every time the cluster's claim was said, this claim's own first: ClaimReview lists each appearance.
        appearances: cluster.map(appearanceOf),
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
        sources: sources.map((s) => ({
          url: s.url,
          title: s.title,
          publisher: s.publisher,
          publishedOn: s.publishedOn,
          quote: s.quote,
          kind: s.kind,
        })),
        authors,
      },
    };
  }

  /** Publishes the approved verdict as version 1, marks it published and completes the assignment. */
  async publish(
    m: EntityManager,
    locked: { claim: ClaimEntity; assignment: AssignmentEntity | null },
    at: Date,
    actor: { actorId: string; requestId: string },
  ): Promise<FactCheckEntity> {
    const { claim, assignment } = locked;
    const { snapshot, verdict, slug } = await this.snapshot(m, claim.id);
    const published = await this.publications.publish(
      m,
      {
        claimId: claim.id,
        slug,
        speakerId: claim.speakerId,
        ratingId: verdict.ratingId,
        publishedAt: at,
        verdictVersion: verdict.version,
        snapshot,
      },
      actor,
    );
    await this.verdicts.markPublished(m, verdict.id);
    if (assignment) await this.assignments.complete(m, assignment, at);
    return published;
  }

  /**
   * The publish step, the one way a claim is published (an editor's Publish and a scheduled publication): the
   * workflow's decision for `actor`, the snapshot, the claim's move to published and the audit events, in the
   * caller's transaction on the locked claim. A pending schedule is cleared by the move (ClaimWorkflow).
   */
  async publishClaim(
    m: EntityManager,
    locked: LockedClaim,
    actor: TransitionCall['actor'],
    requestId: string,
    at: Date,
  ): Promise<FactCheckEntity> {
    let published: FactCheckEntity | undefined;
    await this.workflow.apply(m, locked, {
      action: 'publish',
      actor,
      requestId,
      effect: async (tx, l) => {
        published = await this.publish(tx, l, at, { actorId: actor.id, requestId });
      },
    });
    return published!;
  }

  /**
   * A scheduled publication's firing (the worker's delayed job for `version`): exactly once. In one
   * transaction, on the claim's lock: the schedule must still be pending at `version` and due; it is marked
   * published by a conditional update (`takeForPublishing`) and the claim is published through `publishClaim`
   * in the scheduler's name. A duplicate job, a second worker, or a job of a version since rescheduled or
   * cancelled finds nothing pending and publishes nothing. A refusal (the scheduler may no longer publish)
   * rolls the publication back and marks the schedule failed, with the reason, in a transaction of its own.
   */
  async publishScheduled(claimId: string, version: number): Promise<ScheduledPublication> {
    const requestId = `schedule-${claimId}-v${version}`;
    try {
      return await this.db.transaction(async (m): Promise<ScheduledPublication> => {
        const locked = await this.claims.lock(m, claimId);
        if (!locked) return { kind: 'stale' };
        const pending = await m
          .getRepository(PublicationScheduleEntity)
          .findOneBy({ claimId, state: 'pending', version });
        if (!pending) return { kind: 'stale' };
        const waitMs = pending.publishAt.getTime() - Date.now();
        if (waitMs > 0) return { kind: 'early', waitMs };
        const taken = await this.schedules.takeForPublishing(m, claimId, version);
        if (!taken) return { kind: 'stale' };
        const by = await m.getRepository(UserEntity).findOneBy({ id: taken.scheduledById });
        if (!by?.active)
          throw new WorkflowRefusal(409, 'The person who scheduled this publication is no longer active.');
        const factCheck = await this.publishClaim(m, locked, by, requestId, new Date());
        return { kind: 'published', factCheckId: factCheck.id };
      });
    } catch (err) {
      if (!(err instanceof WorkflowRefusal)) throw err;
      await this.db.transaction(async (m) => {
        await this.claims.lock(m, claimId);
        await this.schedules.fail(m, claimId, version, err.message);
      });
      return { kind: 'refused', message: err.message };
    }
  }
}
