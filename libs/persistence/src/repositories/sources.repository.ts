import type { DataSource, EntityManager } from 'typeorm';
import { MonitoredSourceEntity, SourceItemEntity } from '../entities/index.js';
import { findOrCreateSpeaker } from '../speakers.js';
import { AuditRepository } from './audit.repository.js';
import type { CreatedDocument } from './document-rows.js';
import { DocumentsRepository } from './documents.repository.js';

/** An item a feed or listing page lists: its GUID or canonical URL is its key. */
export interface NewSourceItem {
  key: string;
  url: string;
  title: string | null;
  publishedAt: Date | null;
}

/** Who changes a source, and how the audit event shows it (the API's view of a source). */
export interface SourceChangeActor {
  actorId: string;
  requestId: string;
  describe: (source: MonitoredSourceEntity) => Record<string, unknown>;
}

/**
 * A change to a source's columns, made by `fill` on the row (the caller's rules); `defaultSpeakerName`
 * resolves (or creates) the speaker in the same transaction.
 */
export interface SourceChange {
  fill: (source: MonitoredSourceEntity) => void;
  defaultSpeakerName?: string | null;
}

/** What a poll of a source found out, recorded on the source row. */
export type PollResult = Partial<
  Pick<
    MonitoredSourceEntity,
    'lastCheckedAt' | 'lastError' | 'consecutiveFailures' | 'etag' | 'lastModified' | 'lastNewItemAt'
  >
>;

/** monitored_sources and source_items: the API's editing (with audit events) and the poller's bookkeeping. */
export class SourcesRepository {
  private readonly audit: AuditRepository;
  private readonly documents: DocumentsRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
    this.documents = new DocumentsRepository(db);
  }

  list(): Promise<MonitoredSourceEntity[]> {
    return this.db
      .getRepository(MonitoredSourceEntity)
      .find({ relations: { defaultSpeaker: true }, order: { name: 'ASC' } });
  }

  find(id: string, tx: EntityManager = this.db.manager): Promise<MonitoredSourceEntity | null> {
    return tx.getRepository(MonitoredSourceEntity).findOne({ where: { id }, relations: { defaultSpeaker: true } });
  }

  /** Every source's schedule: what the poller's job schedulers must match. */
  schedules(): Promise<Pick<MonitoredSourceEntity, 'id' | 'enabled' | 'pollIntervalMinutes'>[]> {
    return this.db
      .getRepository(MonitoredSourceEntity)
      .find({ select: { id: true, enabled: true, pollIntervalMinutes: true } });
  }

  private async applyChange(tx: EntityManager, source: MonitoredSourceEntity, change: SourceChange): Promise<void> {
    change.fill(source);
    if (change.defaultSpeakerName !== undefined) {
      source.defaultSpeaker = change.defaultSpeakerName
        ? await findOrCreateSpeaker(tx, { name: change.defaultSpeakerName })
        : null;
      source.defaultSpeakerId = source.defaultSpeaker?.id ?? null;
    }
  }

  async create(
    initial: Partial<MonitoredSourceEntity>,
    change: SourceChange,
    actor: SourceChangeActor,
  ): Promise<MonitoredSourceEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MonitoredSourceEntity);
      const source = repo.create(initial);
      await this.applyChange(tx, source, change);
      await repo.save(source);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'source.create',
        entityType: 'source',
        entityId: source.id,
        after: actor.describe(source),
        requestId: actor.requestId,
      });
      return source;
    });
  }

  /** Changes a source (its row locked meanwhile) with its audit event; null when there is no such source. */
  async update(id: string, change: SourceChange, actor: SourceChangeActor): Promise<MonitoredSourceEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MonitoredSourceEntity);
      if (!(await repo.findOne({ where: { id }, select: { id: true }, lock: { mode: 'pessimistic_write' } })))
        return null;
      const source = (await this.find(id, tx))!;
      const before = actor.describe(source);
      await this.applyChange(tx, source, change);
      const { defaultSpeaker: _s, createdBy: _c, ...columns } = source;
      await repo.save(columns as MonitoredSourceEntity);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'source.update',
        entityType: 'source',
        entityId: id,
        before,
        after: actor.describe(source),
        requestId: actor.requestId,
      });
      return source;
    });
  }

  /** Deletes a source (its items go with it; its documents stay) with its audit event; the deleted row, or null. */
  async remove(id: string, actor: SourceChangeActor): Promise<MonitoredSourceEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MonitoredSourceEntity);
      if (!(await repo.findOne({ where: { id }, select: { id: true }, lock: { mode: 'pessimistic_write' } })))
        return null;
      const source = (await this.find(id, tx))!;
      await repo.delete({ id });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'source.delete',
        entityType: 'source',
        entityId: id,
        before: actor.describe(source),
        requestId: actor.requestId,
      });
      return source;
    });
  }

  async recordPoll(id: string, result: PollResult): Promise<void> {
    await this.db.getRepository(MonitoredSourceEntity).update({ id }, result);
  }

  /**
   * An item seen for the first time becomes a URL document (through createDocument, with its audit event),
   * the item, the document and the link between them in one transaction. Answers the new document, or null
   * when the item was seen before or its article came in another way already.
   */
  async ingestItem(
    source: Pick<MonitoredSourceEntity, 'id' | 'defaultOutlet'>,
    item: NewSourceItem,
  ): Promise<Extract<CreatedDocument, { created: true }> | null> {
    return this.db.transaction(async (tx) => {
      const fresh: { id: string }[] = (
        await tx
          .getRepository(SourceItemEntity)
          .createQueryBuilder()
          .insert()
          .values({
            sourceId: source.id,
            itemKey: item.key,
            url: item.url,
            title: item.title,
            publishedAt: item.publishedAt,
          })
          .orIgnore()
          .returning(['id'])
          .execute()
      ).raw;
      if (!fresh.length) return null;
      const created = await this.documents.createDocument(
        {
          content: { format: 'url', url: item.url },
          title: item.title,
          outlet: source.defaultOutlet,
          publishedAt: item.publishedAt,
          monitoredSourceId: source.id,
          actorId: null,
        },
        tx,
      );
      if (!created.created) return null; // the item stays recorded, so it is not tried again
      await tx.getRepository(SourceItemEntity).update({ id: fresh[0].id }, { documentId: created.document.id });
      return created;
    });
  }
}
