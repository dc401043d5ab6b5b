import type { DataSource, EntityManager } from 'typeorm';
import type { CorrectableField, FactCheckSnapshot } from '@factdesk/domain';
import { CorrectionEntity, FactCheckEntity, FactCheckVersionEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** Who makes the change and in which request: goes into its audit event. */
interface Actor {
  actorId: string;
  requestId: string;
}

/** What a new version freezes: the verdict version it was taken from and what readers see. */
export interface PublicationVersion {
  verdictVersion: number;
  snapshot: FactCheckSnapshot;
}

/** A fact-check with its corrections and retraction notes, oldest first. */
export interface Publication {
  factCheck: FactCheckEntity;
  corrections: CorrectionEntity[];
}

/** A row of the staff list: the publication, its rating loaded, and the current version's headline. */
export interface PublicationListItem extends Publication {
  headline: string;
}

/**
 * fact_checks, fact_check_versions and corrections: the only writer. Publish, correct and retract run
 * inside the claim's workflow transition (`tx`), each with its audit event there; the service decides
 * whether the step is allowed and what the snapshot holds.
 */
export class PublicationsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** Publishes version 1 of the claim's fact-check, with its audit event. */
  async publish(
    tx: EntityManager,
    input: PublicationVersion & {
      claimId: string;
      slug: string;
      speakerId: string | null;
      ratingId: string | null;
      publishedAt: Date;
    },
    actor: Actor,
  ): Promise<FactCheckEntity> {
    const factChecks = tx.getRepository(FactCheckEntity);
    const published = await factChecks.save(
      factChecks.create({
        claimId: input.claimId,
        slug: input.slug,
        state: 'published',
        currentVersion: 1,
        speakerId: input.speakerId,
        ratingId: input.ratingId,
        publishedAt: input.publishedAt,
        publishedById: actor.actorId,
      }),
    );
    await this.insertVersion(tx, published.id, 1, input, actor);
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'fact_check.publish',
      entityType: 'fact_check',
      entityId: published.id,
      claimId: input.claimId,
      after: { slug: published.slug, version: 1, rating: input.snapshot.rating?.label ?? null },
      requestId: actor.requestId,
    });
    return published;
  }

  /** The claim's fact-check, locked until `tx` ends so corrections and retractions run one at a time. */
  lockOfClaim(tx: EntityManager, claimId: string): Promise<FactCheckEntity> {
    return tx.getRepository(FactCheckEntity).findOneOrFail({ where: { claimId }, lock: { mode: 'pessimistic_write' } });
  }

  /** What readers see now: the fact-check's current version's snapshot. */
  async currentSnapshot(tx: EntityManager, factCheck: FactCheckEntity): Promise<FactCheckSnapshot> {
    const row = await tx
      .getRepository(FactCheckVersionEntity)
      .findOneByOrFail({ factCheckId: factCheck.id, version: factCheck.currentVersion });
    return row.snapshot as unknown as FactCheckSnapshot;
  }

  /** Publishes the next version with its public correction note, with its audit event. */
  async correct(
    tx: EntityManager,
    factCheck: FactCheckEntity,
    input: PublicationVersion & { note: string; ratingId: string | null; fields: CorrectableField[] },
    actor: Actor,
  ): Promise<void> {
    const version = factCheck.currentVersion + 1;
    await this.insertVersion(tx, factCheck.id, version, input, actor);
    await tx.getRepository(CorrectionEntity).insert({
      factCheckId: factCheck.id,
      kind: 'correction',
      note: input.note,
      fields: input.fields,
      version,
      createdById: actor.actorId,
    });
    Object.assign(factCheck, {
      state: 'corrected',
      currentVersion: version,
      ratingId: input.ratingId,
      speakerId: input.snapshot.speaker?.id ?? null,
    });
    await tx.getRepository(FactCheckEntity).save(factCheck);
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'fact_check.correct',
      entityType: 'fact_check',
      entityId: factCheck.id,
      claimId: factCheck.claimId,
      before: { version: version - 1 },
      after: { version, note: input.note, fields: input.fields, rating: input.snapshot.rating?.label ?? null },
      requestId: actor.requestId,
    });
  }

  /** Marks the fact-check retracted with its public note (the page stays), with its audit event. */
  async retract(tx: EntityManager, factCheck: FactCheckEntity, note: string, actor: Actor): Promise<void> {
    await tx.getRepository(CorrectionEntity).insert({
      factCheckId: factCheck.id,
      kind: 'retraction',
      note,
      version: factCheck.currentVersion,
      createdById: actor.actorId,
    });
    Object.assign(factCheck, { state: 'retracted', retractedAt: new Date() });
    await tx.getRepository(FactCheckEntity).save(factCheck);
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'fact_check.retract',
      entityType: 'fact_check',
      entityId: factCheck.id,
      claimId: factCheck.claimId,
      after: { note },
      requestId: actor.requestId,
    });
  }

  /** The claim's fact-check and its notes, or null if it was never published. */
  async ofClaim(claimId: string): Promise<Publication | null> {
    const factCheck = await this.db.getRepository(FactCheckEntity).findOneBy({ claimId });
    if (!factCheck) return null;
    const corrections = await this.db
      .getRepository(CorrectionEntity)
      .find({ where: { factCheckId: factCheck.id }, order: { createdAt: 'ASC' } });
    return { factCheck, corrections };
  }

  /** Newest publication first, published before `before` if given; `limit + 1` rows are read to tell if more follow. */
  async list(limit: number, before?: string): Promise<{ items: PublicationListItem[]; more: boolean }> {
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
    const ids = page.map((f) => f.id);
    const [versions, corrections] = ids.length
      ? await Promise.all([
          this.db
            .getRepository(FactCheckVersionEntity)
            .createQueryBuilder('v')
            .where(
              '(v.fact_check_id, v.version) IN (SELECT id, current_version FROM fact_checks WHERE id = ANY(:ids))',
              { ids },
            )
            .getMany(),
          this.db
            .getRepository(CorrectionEntity)
            .createQueryBuilder('c')
            .where('c.fact_check_id = ANY(:ids)', { ids })
            .orderBy('c.created_at')
            .getMany(),
        ])
      : [[], []];
    return {
      items: page.map((factCheck) => ({
        factCheck,
        corrections: corrections.filter((c) => c.factCheckId === factCheck.id),
        headline: String(
          (versions.find((v) => v.factCheckId === factCheck.id)?.snapshot as unknown as FactCheckSnapshot | undefined)
            ?.headline ?? '',
        ),
      })),
      more: rows.length > limit,
    };
  }

  /** Every version of a fact-check, oldest first, with who made it; empty if there is no such fact-check. */
  versions(factCheckId: string): Promise<FactCheckVersionEntity[]> {
    return this.db
      .getRepository(FactCheckVersionEntity)
      .find({ where: { factCheckId }, relations: { createdBy: true }, order: { version: 'ASC' } });
  }

  private async insertVersion(
    tx: EntityManager,
    factCheckId: string,
    version: number,
    input: PublicationVersion,
    actor: Actor,
  ): Promise<void> {
    await tx.getRepository(FactCheckVersionEntity).insert({
      factCheckId,
      version,
      verdictVersion: input.verdictVersion,
      snapshot: input.snapshot as never,
      createdById: actor.actorId,
    });
  }
}
