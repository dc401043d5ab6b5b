import type { DataSource, EntityManager } from 'typeorm';
import { RatingEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** A new rating: without a position it goes at the end of the scale; no description, a grey, no value unless given. */
export type NewRating = Pick<RatingEntity, 'slug' | 'label'> &
  Partial<Pick<RatingEntity, 'description' | 'colour' | 'value' | 'active' | 'position'>>;
export type RatingChange = Partial<Omit<NewRating, 'slug'>>;

/** Who changes the scale, and how the audit event shows a rating (the API's view of it). */
export interface RatingActor {
  actorId: string;
  requestId: string;
  describe: (rating: RatingEntity) => Record<string, unknown>;
}

/** The rating scale: the only writer of ratings, each change with its audit event. */
export class RatingsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  list(): Promise<RatingEntity[]> {
    return this.db.getRepository(RatingEntity).find({ order: { position: 'ASC' } });
  }

  /** A new rating with its audit event; null when its slug is taken. */
  async create(values: NewRating, actor: RatingActor): Promise<RatingEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RatingEntity);
      if (await repo.existsBy({ slug: values.slug })) return null;
      const position = values.position ?? ((await repo.maximum('position')) ?? -1) + 1;
      const rating = await repo.save(
        repo.create({ description: '', colour: '#6e7781', value: null, ...values, position }),
      );
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'rating.create',
        entityType: 'rating',
        entityId: rating.id,
        after: actor.describe(rating),
        requestId: actor.requestId,
      });
      return rating;
    });
  }

  /** Changes a rating (its row locked meanwhile) with its audit event; null when there is no such rating. */
  async update(id: string, change: RatingChange, actor: RatingActor): Promise<RatingEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RatingEntity);
      const rating = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rating) return null;
      const before = actor.describe(rating);
      Object.assign(rating, change);
      await repo.save(rating);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'rating.update',
        entityType: 'rating',
        entityId: id,
        before,
        after: actor.describe(rating),
        requestId: actor.requestId,
      });
      return rating;
    });
  }

  /** Writes `scale` in order when there is no rating at all (a new install); answers how many were written. */
  async seedIfEmpty(tx: EntityManager, scale: readonly Omit<NewRating, 'position'>[]): Promise<number> {
    const repo = tx.getRepository(RatingEntity);
    if ((await repo.count()) > 0) return 0;
    await repo.insert(
      scale.map((r, position) => repo.create({ description: '', colour: '#6e7781', value: null, ...r, position })),
    );
    return scale.length;
  }
}
