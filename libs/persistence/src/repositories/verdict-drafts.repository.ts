import type { DataSource, EntityManager } from 'typeorm';
import type { VerdictDraftContentDto } from '@factdesk/domain';
import { VerdictDraftEntity } from '../entities/index.js';

/**
 * verdict_drafts: the only writer. A draft is work in progress, written every few hundred milliseconds as a
 * person types, so it records no audit event: what the record holds changes only when the verdict is saved,
 * and that save is audited (and deletes the draft in its own transaction).
 */
export class VerdictDraftsRepository {
  constructor(private readonly db: DataSource) {}

  find(claimId: string, authorId: string): Promise<VerdictDraftEntity | null> {
    return this.db.getRepository(VerdictDraftEntity).findOneBy({ claimId, authorId });
  }

  /** Replaces the person's draft on the claim (one statement, so two quick saves cannot interleave). */
  async put(
    tx: EntityManager,
    input: {
      claimId: string;
      authorId: string;
      baseVersion: number;
      base: VerdictDraftContentDto;
      content: VerdictDraftContentDto;
    },
  ): Promise<VerdictDraftEntity> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(VerdictDraftEntity)
      .values(input)
      .orUpdate(['base_version', 'base', 'content', 'updated_at'], ['claim_id', 'author_id'])
      .execute();
    return tx.getRepository(VerdictDraftEntity).findOneByOrFail({ claimId: input.claimId, authorId: input.authorId });
  }

  /** Discards the person's draft; in `tx` when a verdict save or submission replaces it. */
  async delete(claimId: string, authorId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.getRepository(VerdictDraftEntity).delete({ claimId, authorId });
  }

  /** Every draft on the claim, when its verdict leaves editing (approval). */
  async deleteAll(tx: EntityManager, claimId: string): Promise<void> {
    await tx.getRepository(VerdictDraftEntity).delete({ claimId });
  }
}
