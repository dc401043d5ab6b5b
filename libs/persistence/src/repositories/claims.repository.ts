import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, ClaimState, ClaimType, Provenance } from '@factdesk/domain';
import {
  AssignmentEntity,
  ClaimEntity,
  ClaimMatchEntity,
  CorrectionEntity,
  FactCheckEntity,
  VerdictEntity,
  VerdictSourceEntity,
  VerdictVersionEntity,
  type SpeakerEntity,
} from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';
import { APPEARANCE_COLUMNS, claimOwnProvenance, type AppearanceColumns } from './provenance.js';

/** One appearance of a claim's cluster (see ClaimsRepository.clusterAppearances). */
export interface ClusterAppearanceRow extends AppearanceColumns {
  id: string;
  text: string;
  state: ClaimState;
  saidAt: Date | null;
  startOffset: number | null;
  endOffset: number | null;
  documentId: string | null;
  documentTitle: string | null;
  speakerId: string | null;
  speakerName: string | null;
}

export interface ClaimActor {
  /** Null for the worker (a claim that joins a cluster on its own). */
  actorId: string | null;
  requestId: string | null;
}

export interface NewClaim {
  text: string;
  speaker: Pick<SpeakerEntity, 'id' | 'name'> | null;
  saidAt: Date | null;
  saidWhereUrl: string | null;
  claimType: ClaimType;
  state: ClaimState;
  checkworthy: boolean;
  reasons: string[];
  createdById: string;
  /** Where in a document it was said, when entered from one (a selected sentence). */
  documentId?: string | null;
  startOffset?: number | null;
  endOffset?: number | null;
}

export interface ClaimDetailRows {
  /** With its speaker and document. */
  claim: ClaimEntity;
  /** Newest first, with their people. */
  assignments: AssignmentEntity[];
  verdict: VerdictEntity | null;
  sources: VerdictSourceEntity[];
  /** Who made the verdict's current version, when kept. */
  verdictVersion: VerdictVersionEntity | null;
  factCheck: FactCheckEntity | null;
  corrections: CorrectionEntity[];
  /** The ten most similar, with their claims' speakers. */
  matches: ClaimMatchEntity[];
  /** The fact-checks of the matched claims, with their ratings. */
  matchedFactChecks: FactCheckEntity[];
}

/** A claim's editable fields as the history shows them. */
export interface ClaimEditView {
  text: string;
  speaker: string | null;
  claimType: ClaimType;
}

/**
 * claims: the only writer of the rows the API changes (creating, editing, workflow state). The services
 * decide with libs/domain; each write here runs in the caller's transaction with its audit event.
 */
export class ClaimsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(ClaimEntity).existsBy({ id });
  }

  /** Everything a claim's page shows from the database (its history aside); null if there is no such claim. */
  async detailRows(id: string): Promise<ClaimDetailRows | null> {
    const claim = await this.db
      .getRepository(ClaimEntity)
      .findOne({ where: { id }, relations: { speaker: true, document: true } });
    if (!claim) return null;
    const [assignments, verdict, factCheck, matches] = await Promise.all([
      this.db.getRepository(AssignmentEntity).find({
        where: { claimId: id },
        relations: { claim: true, assignee: true, assignedBy: true },
        order: { createdAt: 'DESC' },
      }),
      this.db
        .getRepository(VerdictEntity)
        .findOne({ where: { claimId: id }, relations: { rating: true, author: true, approvedBy: true } }),
      this.db.getRepository(FactCheckEntity).findOne({ where: { claimId: id } }),
      this.db.getRepository(ClaimMatchEntity).find({
        where: { claimId: id },
        relations: { matchedClaim: { speaker: true } },
        order: { similarity: 'DESC' },
        take: 10,
      }),
    ]);
    const [sources, verdictVersion, corrections, matchedFactChecks] = await Promise.all([
      verdict
        ? this.db
            .getRepository(VerdictSourceEntity)
            .find({ where: { verdictId: verdict.id }, order: { position: 'ASC' } })
        : [],
      verdict
        ? this.db
            .getRepository(VerdictVersionEntity)
            .findOne({ where: { verdictId: verdict.id, version: verdict.version }, relations: { author: true } })
        : null,
      factCheck
        ? this.db
            .getRepository(CorrectionEntity)
            .find({ where: { factCheckId: factCheck.id }, order: { createdAt: 'ASC' } })
        : [],
      matches.length
        ? this.db
            .getRepository(FactCheckEntity)
            .find({ where: { claimId: In(matches.map((mm) => mm.matchedClaimId)) }, relations: { rating: true } })
        : [],
    ]);
    return { claim, assignments, verdict, sources, verdictVersion, factCheck, corrections, matches, matchedFactChecks };
  }

  /** The claim and its active assignment, the claim locked for the rest of the transaction; null if none. */
  async lock(
    tx: EntityManager,
    id: string,
  ): Promise<{ claim: ClaimEntity; assignment: AssignmentEntity | null } | null> {
    const claim = await tx.getRepository(ClaimEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!claim) return null;
    const assignment = await tx.getRepository(AssignmentEntity).findOne({ where: { claimId: id, state: 'active' } });
    return { claim, assignment };
  }

  /** The first claim of `id`'s cluster (itself when it heads one or is alone), and that claim's state; null when gone. */
  async clusterHead(tx: EntityManager, id: string): Promise<{ id: string; state: ClaimState } | null> {
    const [row] = await tx.query(
      `SELECT h.id, h.state FROM claims c JOIN claims h ON h.id = COALESCE(c.duplicate_of_id, c.id) WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The rating of the claim's live fact-check (published or corrected), or null when it has none. */
  async liveRating(tx: EntityManager, claimId: string): Promise<string | null | undefined> {
    const [row] = await tx.query(
      `SELECT r.label FROM fact_checks f LEFT JOIN ratings r ON r.id = f.rating_id
       WHERE f.claim_id = $1 AND f.state <> 'retracted'`,
      [claimId],
    );
    return row ? (row.label ?? null) : undefined;
  }

  /**
   * Every appearance of the claim's cluster, its first claim first: where and when each was said. The cluster
   * is checked once, through its first claim; this is what that check covers.
   */
  clusterAppearances(id: string, tx?: EntityManager): Promise<ClusterAppearanceRow[]> {
    return (tx ?? this.db).query(
      `WITH head AS (SELECT COALESCE(duplicate_of_id, id) AS id FROM claims WHERE id = $1)
       SELECT c.id, c.text, c.state, c.said_at AS "saidAt", c.start_offset AS "startOffset", c.end_offset AS "endOffset",
              c.document_id AS "documentId", d.title AS "documentTitle", s.id AS "speakerId", s.name AS "speakerName",
              ${APPEARANCE_COLUMNS}
       FROM head JOIN claims c ON c.id = head.id OR c.duplicate_of_id = head.id
       LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN speakers s ON s.id = c.speaker_id
       ORDER BY c.id = head.id DESC, c.said_at NULLS LAST, c.created_at`,
      [id],
    );
  }

  /** How long a document's text is (for offsets into it), or null when there is no such document. */
  async documentTextLength(tx: EntityManager, documentId: string): Promise<number | null> {
    const [row] = await tx.query("SELECT length(coalesce(original_text, '')) AS length FROM documents WHERE id = $1", [
      documentId,
    ]);
    return row ? Number(row.length) : null;
  }

  async create(tx: EntityManager, input: NewClaim, actor: ClaimActor): Promise<ClaimEntity> {
    const repo = tx.getRepository(ClaimEntity);
    const { speaker, ...columns } = input;
    const claim = await repo.save(repo.create({ ...columns, speakerId: speaker?.id ?? null }));
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'claim.create',
      entityType: 'claim',
      entityId: claim.id,
      claimId: claim.id,
      after: {
        text: claim.text,
        speaker: speaker?.name ?? null,
        state: claim.state,
        ...(claim.documentId
          ? { documentId: claim.documentId, startOffset: claim.startOffset, endOffset: claim.endOffset }
          : {}),
      },
      requestId: actor.requestId,
    });
    return claim;
  }

  /** Stores the claim's text, type and speaker as `claim` now holds them, recording `before` and after. */
  async edit(tx: EntityManager, claim: ClaimEntity, before: ClaimEditView, actor: ClaimActor): Promise<void> {
    await tx
      .getRepository(ClaimEntity)
      .update({ id: claim.id }, { text: claim.text, claimType: claim.claimType, speakerId: claim.speakerId });
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'claim.edit',
      entityType: 'claim',
      entityId: claim.id,
      claimId: claim.id,
      before: { ...before },
      after: { text: claim.text, speaker: claim.speaker?.name ?? null, claimType: claim.claimType },
      requestId: actor.requestId,
    });
  }

  /** Whether the claim's document names a recording (a claim's own start time may then be a time in it). */
  async documentHasMedia(tx: EntityManager, claim: Pick<ClaimEntity, 'documentId'>): Promise<boolean> {
    if (!claim.documentId) return false;
    const [row] = await tx.query('SELECT media_url IS NOT NULL AS has FROM documents WHERE id = $1', [
      claim.documentId,
    ]);
    return !!row?.has;
  }

  /** Stores the claim's own provenance (null fields: its document's stands), with before and after in the history. */
  async setProvenance(tx: EntityManager, claim: ClaimEntity, own: Provenance, actor: ClaimActor): Promise<void> {
    const before = claimOwnProvenance(claim);
    await tx.getRepository(ClaimEntity).update(
      { id: claim.id },
      {
        saidAt: own.saidAt ? new Date(own.saidAt) : null,
        venue: own.venue,
        saidWhereUrl: own.sourceUrl,
        mediaUrl: own.mediaUrl,
        mediaStartSeconds: own.mediaStartSeconds,
        appearedIn: own.appearedIn,
      },
    );
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'claim.provenance',
      entityType: 'claim',
      entityId: claim.id,
      claimId: claim.id,
      before: { ...before },
      after: { ...own },
      requestId: actor.requestId,
    });
  }

  /** Moves the claim to the state the workflow decided, with the transition's audit event. */
  async moveState(
    tx: EntityManager,
    move: {
      claimId: string;
      from: ClaimState;
      to: ClaimState;
      dismissalReason: string | null;
      action: AuditAction;
      reason?: string | null;
      /** Into `duplicate`: the cluster's first claim; out of it: null. */
      duplicateOfId?: string | null;
    },
    actor: ClaimActor,
  ): Promise<void> {
    const cluster = move.duplicateOfId !== undefined ? { duplicateOfId: move.duplicateOfId } : {};
    await tx
      .getRepository(ClaimEntity)
      .update({ id: move.claimId }, { state: move.to, dismissalReason: move.dismissalReason, ...cluster });
    // A cluster's first claim folded into another cluster brings its duplicates along: one cluster, one head.
    if (move.duplicateOfId)
      await tx
        .getRepository(ClaimEntity)
        .update({ duplicateOfId: move.claimId }, { duplicateOfId: move.duplicateOfId });
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: move.action,
      entityType: 'claim',
      entityId: move.claimId,
      claimId: move.claimId,
      before: { state: move.from },
      after: {
        state: move.to,
        ...(move.reason ? { reason: move.reason } : {}),
        ...(move.duplicateOfId ? { duplicateOf: move.duplicateOfId } : {}),
      },
      requestId: actor.requestId,
    });
  }
}
