import type { DataSource, EntityManager } from 'typeorm';
import {
  speakerAsks,
  speakerRoleIn,
  type DocumentSpeakerDto,
  type SpeakerDto,
  type SpeakerRole,
} from '@factdesk/domain';
import { ClaimEntity, DocumentSpeakerEntity, FactCheckEntity, SpeakerEntity } from '../entities/index.js';
import { findOrCreateSpeaker } from '../speakers.js';
import { AuditRepository } from './audit.repository.js';

export type SpeakerChange = Partial<
  Pick<SpeakerEntity, 'name' | 'kind' | 'aliases' | 'sameAs' | 'description' | 'defaultRole'>
>;

/** Why a merge was refused, for the caller to answer. */
export type MergeRefusal = 'missing' | 'already_merged';

/**
 * speakers: editors' renames and merges (each with its audit event), the list with its counts, and the
 * lookups claims use. The worker creates speakers with findOrCreateSpeakers (speakers.ts), the same rows.
 */
export class SpeakersRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** The speaker known by this name or alias (case-insensitive), created inside `tx` when there is none. */
  findOrCreate(tx: EntityManager, name: string): Promise<SpeakerEntity> {
    return findOrCreateSpeaker(tx, { name });
  }

  /** A speaker, following merges to the one it now is; null when there is none. */
  async get(tx: EntityManager, id: string): Promise<SpeakerEntity | null> {
    const speaker = await tx.getRepository(SpeakerEntity).findOneBy({ id });
    if (!speaker) return null;
    return speaker.mergedIntoId ? this.get(tx, speaker.mergedIntoId) : speaker;
  }

  /** Speakers not merged away, most claims first, with their counts; by name or alias pattern, or one by id. */
  async list(filter: { pattern?: string; id?: string; limit: number }): Promise<SpeakerDto[]> {
    const params: unknown[] = [filter.limit];
    const where = filter.id
      ? 'AND s.id = $2'
      : filter.pattern
        ? `AND (s.name ILIKE $2 OR EXISTS (SELECT 1 FROM unnest(s.aliases) alias WHERE alias ILIKE $2))`
        : '';
    if (filter.id) params.push(filter.id);
    else if (filter.pattern) params.push(filter.pattern);
    const rows: (Omit<SpeakerDto, 'claimCount' | 'factCheckCount' | 'sameAs' | 'defaultRole'> & {
      claim_count: string;
      fact_check_count: string;
      same_as: string[];
      default_role: SpeakerRole | null;
    })[] = await this.db.query(
      `SELECT s.id, s.name, s.kind, s.aliases, s.same_as, s.description, s.default_role,
              (SELECT count(*) FROM claims c WHERE c.speaker_id = s.id) AS claim_count,
              (SELECT count(*) FROM fact_checks f WHERE f.speaker_id = s.id) AS fact_check_count
       FROM speakers s WHERE s.merged_into_id IS NULL ${where}
       ORDER BY claim_count DESC, s.name LIMIT $1`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      aliases: r.aliases,
      sameAs: r.same_as,
      description: r.description,
      defaultRole: r.default_role,
      claimCount: Number(r.claim_count),
      factCheckCount: Number(r.fact_check_count),
    }));
  }

  /**
   * Edits a speaker with its audit event: `apply` changes the row (the caller's rules, e.g. tidy aliases).
   * Null when there is no such speaker; a name another speaker has fails with PostgreSQL's 23505.
   */
  async update(
    id: string,
    change: SpeakerChange,
    apply: (speaker: SpeakerEntity) => void,
    actor: { actorId: string; requestId: string },
  ): Promise<SpeakerEntity | null> {
    return this.db.transaction(async (tx) => {
      const speaker = await this.get(tx, id);
      if (!speaker) return null;
      const before = {
        name: speaker.name,
        kind: speaker.kind,
        aliases: speaker.aliases,
        sameAs: speaker.sameAs,
        description: speaker.description,
        defaultRole: speaker.defaultRole,
      };
      apply(speaker);
      await tx.getRepository(SpeakerEntity).save(speaker);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'speaker.update',
        entityType: 'speaker',
        entityId: id,
        before,
        after: change,
        requestId: actor.requestId,
      });
      return speaker;
    });
  }

  /**
   * Merges `sourceId` into `targetId` (both rows locked): its claims and fact-checks move, its name and
   * aliases become the target's aliases, and it stays behind as a pointer so old links resolve. With
   * its audit event; answers the target, or why it was refused.
   */
  async merge(
    sourceId: string,
    targetId: string,
    actor: { actorId: string; requestId: string },
  ): Promise<SpeakerEntity | MergeRefusal> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(SpeakerEntity);
      const [source, target] = await Promise.all([
        repo.findOne({ where: { id: sourceId }, lock: { mode: 'pessimistic_write' } }),
        repo.findOne({ where: { id: targetId }, lock: { mode: 'pessimistic_write' } }),
      ]);
      if (!source || !target) return 'missing';
      if (source.mergedIntoId || target.mergedIntoId) return 'already_merged';
      const moved = await tx.getRepository(ClaimEntity).update({ speakerId: source.id }, { speakerId: target.id });
      await tx.getRepository(FactCheckEntity).update({ speakerId: source.id }, { speakerId: target.id });
      // Their parts in documents follow them; where both spoke in one document, the target's row stays.
      await tx.query(
        `INSERT INTO document_speakers (document_id, speaker_id, detected_role, document_role)
         SELECT document_id, $2, detected_role, document_role FROM document_speakers WHERE speaker_id = $1
         ON CONFLICT DO NOTHING`,
        [source.id, target.id],
      );
      await tx.getRepository(DocumentSpeakerEntity).delete({ speakerId: source.id });
      target.defaultRole ??= source.defaultRole;
      const aliases = new Map<string, string>();
      for (const a of [...target.aliases, source.name, ...source.aliases])
        if (a.toLowerCase() !== target.name.toLowerCase()) aliases.set(a.toLowerCase(), a);
      target.aliases = [...aliases.values()];
      target.sameAs = [...new Set([...target.sameAs, ...source.sameAs])];
      source.mergedIntoId = target.id;
      await repo.save([target, source]);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'speaker.merge',
        entityType: 'speaker',
        entityId: target.id,
        before: { merged: source.id, name: source.name },
        after: { into: target.id, aliases: target.aliases, claimsMoved: moved.affected ?? 0 },
        requestId: actor.requestId,
      });
      return target;
    });
  }

  /** The speakers of a document (each with a claim there or a row from detection) and their parts in it. */
  async ofDocument(documentId: string): Promise<DocumentSpeakerDto[] | null> {
    const [doc] = await this.db.query('SELECT 1 FROM documents WHERE id = $1', [documentId]);
    if (!doc) return null;
    const rows: {
      id: string;
      name: string;
      kind: SpeakerDto['kind'];
      default_role: SpeakerRole | null;
      detected_role: SpeakerRole | null;
      document_role: SpeakerRole | null;
      claim_count: string;
    }[] = await this.db.query(
      `WITH ids AS (
         SELECT speaker_id FROM document_speakers WHERE document_id = $1
         UNION SELECT speaker_id FROM claims WHERE document_id = $1 AND speaker_id IS NOT NULL)
       SELECT s.id, s.name, s.kind, s.default_role, ds.detected_role, ds.document_role,
              (SELECT count(*) FROM claims c WHERE c.document_id = $1 AND c.speaker_id = s.id) AS claim_count
       FROM ids JOIN speakers s ON s.id = ids.speaker_id
       LEFT JOIN document_speakers ds ON ds.document_id = $1 AND ds.speaker_id = s.id
       ORDER BY claim_count DESC, s.name`,
      [documentId],
    );
    return rows.map((r) => {
      const facts = { documentRole: r.document_role, defaultRole: r.default_role, detectedRole: r.detected_role };
      return {
        speaker: { id: r.id, name: r.name, kind: r.kind },
        detectedRole: r.detected_role,
        documentRole: r.document_role,
        defaultRole: r.default_role,
        role: speakerRoleIn(facts),
        asks: speakerAsks(facts),
        claimCount: Number(r.claim_count),
      };
    });
  }

  /**
   * An editor's word on a speaker's part in one document (null clears it), with its audit event. Answers the
   * speaker's id (a merged speaker's is the one it was merged into), or null when the document or speaker is missing.
   */
  async setDocumentRole(
    documentId: string,
    speakerId: string,
    role: SpeakerRole | null,
    actor: { actorId: string; requestId: string },
  ): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const speaker = await this.get(tx, speakerId);
      const [doc] = await tx.query('SELECT id FROM documents WHERE id = $1', [documentId]);
      if (!speaker || !doc) return null;
      const [before] = await tx.query(
        'SELECT document_role FROM document_speakers WHERE document_id = $1 AND speaker_id = $2 FOR UPDATE',
        [documentId, speaker.id],
      );
      await tx.query(
        `INSERT INTO document_speakers (document_id, speaker_id, document_role) VALUES ($1, $2, $3)
         ON CONFLICT (document_id, speaker_id) DO UPDATE SET document_role = EXCLUDED.document_role`,
        [documentId, speaker.id, role],
      );
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'speaker.document_role',
        entityType: 'speaker',
        entityId: speaker.id,
        before: { documentId, role: before?.document_role ?? null },
        after: { documentId, role },
        requestId: actor.requestId,
      });
      return speaker.id;
    });
  }
}
