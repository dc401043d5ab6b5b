import type { DataSource, EntityManager } from 'typeorm';
import { factCheckSlug, inheritProvenance, type FactCheckSnapshot } from '@factdesk/domain';
import {
  ClaimEntity,
  DocumentEntity,
  SpeakerEntity,
  type AssignmentEntity,
  type FactCheckEntity,
  type VerdictEntity,
} from '../entities/index.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { ClaimsRepository } from './claims.repository.js';
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

  constructor(db: DataSource) {
    this.claims = new ClaimsRepository(db);
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
}
