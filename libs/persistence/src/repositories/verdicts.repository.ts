import type { DataSource, EntityManager } from 'typeorm';
import type { SourceKind, VerdictVersionContent, VerdictVersionKind } from '@factdesk/domain';
import { RatingEntity, VerdictEntity, VerdictSourceEntity, VerdictVersionEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

export interface VerdictContent {
  ratingId?: string | null;
  headline?: string;
  conclusion?: string;
  analysis?: string;
  /** Replaces every source, in this order, when given. */
  sources?: {
    url: string;
    title?: string | null;
    publisher?: string | null;
    publishedOn?: string | null;
    quote?: string | null;
    kind: SourceKind;
  }[];
}

export interface LoadedVerdict {
  verdict: VerdictEntity;
  sources: VerdictSourceEntity[];
  /** The current version's row (who made it), when it was kept (versions before verdict_versions existed were not). */
  current?: VerdictVersionEntity | null;
}

/** Who makes a content version and how: the history names them (an editor's correction is the editor's). */
export interface VersionBy {
  authorId: string;
  kind: VerdictVersionKind;
}

/**
 * verdicts and verdict_sources: the only writer of both. Every write runs in the caller's transaction (the
 * claim's, locked by the workflow); the services decide whether it may happen.
 */
export class VerdictsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** The claim's verdict with its rating and people, and its sources in order; `lock` locks the verdict row. */
  async load(tx: EntityManager, claimId: string, lock = false): Promise<LoadedVerdict | null> {
    const verdict = await tx
      .getRepository(VerdictEntity)
      .findOne({ where: { claimId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!verdict) return null;
    const [full, sources, current] = await Promise.all([
      tx
        .getRepository(VerdictEntity)
        .findOneOrFail({ where: { id: verdict.id }, relations: { rating: true, author: true, approvedBy: true } }),
      tx.getRepository(VerdictSourceEntity).find({ where: { verdictId: verdict.id }, order: { position: 'ASC' } }),
      tx
        .getRepository(VerdictVersionEntity)
        .findOne({ where: { verdictId: verdict.id, version: verdict.version }, relations: { author: true } }),
    ]);
    return { verdict: full, sources, current };
  }

  /** Every kept version of the claim's verdict, oldest first, with who made each. */
  async versions(claimId: string): Promise<VerdictVersionEntity[]> {
    return this.db
      .getRepository(VerdictVersionEntity)
      .createQueryBuilder('vv')
      .innerJoin(VerdictEntity, 'v', 'v.id = vv.verdict_id')
      .leftJoinAndSelect('vv.author', 'author')
      .where('v.claim_id = :claimId', { claimId })
      .orderBy('vv.version', 'ASC')
      .getMany();
  }

  rating(tx: EntityManager, id: string): Promise<RatingEntity | null> {
    return tx.getRepository(RatingEntity).findOneBy({ id });
  }

  /** The whole scale, retired ratings included (old versions may name them). */
  ratings(): Promise<RatingEntity[]> {
    return this.db.getRepository(RatingEntity).find();
  }

  /** A verdict not stored yet, for a first save. */
  draft(claimId: string, authorId: string): VerdictEntity {
    return this.db.getRepository(VerdictEntity).create({ claimId, authorId, state: 'draft' });
  }

  /**
   * Writes content changes onto `verdict` (stored or a new draft), bumps its version and replaces its sources
   * if given, and keeps the new version with who made it. No audit event of its own: the caller's change (a
   * save, a correction) records it.
   */
  async writeContent(
    tx: EntityManager,
    verdict: VerdictEntity,
    input: VerdictContent,
    by: VersionBy = { authorId: verdict.authorId, kind: 'save' },
  ): Promise<void> {
    if (input.ratingId !== undefined) verdict.ratingId = input.ratingId;
    if (input.headline !== undefined) verdict.headline = input.headline;
    if (input.conclusion !== undefined) verdict.conclusion = input.conclusion;
    if (input.analysis !== undefined) verdict.analysis = input.analysis;
    verdict.version = (verdict.version ?? 0) + 1;
    // Relations loaded earlier would override the new rating id on save.
    const { rating: _r, author: _a, approvedBy: _b, claim: _c, ...columns } = verdict;
    const saved = await tx.getRepository(VerdictEntity).save(columns as VerdictEntity);
    Object.assign(verdict, { id: saved.id, version: saved.version });
    if (input.sources) await this.replaceSources(tx, verdict.id, input.sources);
    const kept = await tx
      .getRepository(VerdictSourceEntity)
      .find({ where: { verdictId: verdict.id }, order: { position: 'ASC' } });
    await tx.getRepository(VerdictVersionEntity).insert({
      verdictId: verdict.id,
      version: verdict.version,
      content: verdictContentOf(verdict, kept),
      authorId: by.authorId,
      kind: by.kind,
    });
  }

  private async replaceSources(tx: EntityManager, verdictId: string, input: NonNullable<VerdictContent['sources']>) {
    const sources = tx.getRepository(VerdictSourceEntity);
    await sources.delete({ verdictId });
    if (!input.length) return;
    await sources.insert(
      input.map((s, position) =>
        sources.create({
          verdictId,
          position,
          url: s.url,
          title: s.title ?? '',
          publisher: s.publisher ?? null,
          publishedOn: s.publishedOn?.slice(0, 10) ?? null,
          quote: s.quote ?? null,
          kind: s.kind,
        }),
      ),
    );
  }

  /** A draft save: writes the content and records verdict.create or verdict.save with before and after. */
  async save(
    tx: EntityManager,
    input: { claimId: string; verdict: VerdictEntity; before: LoadedVerdict | null; content: VerdictContent },
    actor: { actorId: string; requestId: string },
  ): Promise<void> {
    const { claimId, verdict } = input;
    // Taken first: `before.verdict` is usually the very object the write changes.
    const before = input.before ? verdictSnapshot(input.before) : null;
    await this.writeContent(tx, verdict, input.content, { authorId: actor.actorId, kind: 'save' });
    const after = (await this.load(tx, claimId))!;
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: before ? 'verdict.save' : 'verdict.create',
      entityType: 'verdict',
      entityId: verdict.id,
      claimId,
      before,
      after: verdictSnapshot(after),
      requestId: actor.requestId,
    });
  }

  // The state changes below belong to a claim transition, whose audit event records them.

  async submit(tx: EntityManager, verdictId: string): Promise<void> {
    await tx.getRepository(VerdictEntity).update({ id: verdictId }, { state: 'submitted', submittedAt: new Date() });
  }

  async approve(tx: EntityManager, verdictId: string, approverId: string): Promise<void> {
    await tx
      .getRepository(VerdictEntity)
      .update({ id: verdictId }, { state: 'approved', approvedById: approverId, approvedAt: new Date() });
  }

  async markPublished(tx: EntityManager, verdictId: string): Promise<void> {
    await tx.getRepository(VerdictEntity).update({ id: verdictId }, { state: 'published' });
  }

  async sendBack(tx: EntityManager, verdictId: string): Promise<void> {
    await tx
      .getRepository(VerdictEntity)
      .update({ id: verdictId }, { state: 'changes_requested', approvedById: null, approvedAt: null });
  }
}

/** A verdict's content as a version keeps it. */
export function verdictContentOf(
  v: Pick<VerdictEntity, 'ratingId' | 'headline' | 'conclusion' | 'analysis'>,
  sources: VerdictSourceEntity[],
): VerdictVersionContent {
  // A first save that leaves a field out has it only as the column's default, not on the entity: keep ''.
  return {
    ratingId: v.ratingId ?? null,
    headline: v.headline ?? '',
    conclusion: v.conclusion ?? '',
    analysis: v.analysis ?? '',
    sources: sources.map((s) => ({
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedOn: s.publishedOn,
      quote: s.quote,
      kind: s.kind,
    })),
  };
}

/** What an audit event records of a verdict. */
export function verdictSnapshot({ verdict: v, sources }: LoadedVerdict): Record<string, unknown> {
  return { version: v.version, ...verdictContentOf(v, sources) };
}
