import type { DataSource } from 'typeorm';
import { SitePageEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** site_pages: the admin-edited public pages; each edit with its audit event. */
export class SitePagesRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** The pages edited so far (the others show their defaults). */
  list(): Promise<SitePageEntity[]> {
    return this.db.getRepository(SitePageEntity).find();
  }

  /** Replaces a page's text with its audit event; the public cache hears of it from the table's notification. */
  async put(
    key: string,
    input: { title: string; body: string },
    actor: { actorId: string; requestId: string },
  ): Promise<SitePageEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(SitePageEntity);
      const before = await repo.findOneBy({ key });
      const page = await repo.save(
        repo.create({ key, title: input.title, body: input.body, updatedById: actor.actorId }),
      );
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'site_page.update',
        entityType: 'site_page',
        entityId: key,
        before: before ? { title: before.title, body: before.body } : null,
        after: { title: page.title, body: page.body },
        requestId: actor.requestId,
      });
      return page;
    });
  }
}
