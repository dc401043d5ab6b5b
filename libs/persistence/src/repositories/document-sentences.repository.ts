// A document's scored sentences (~310 lines): the stored form, detection's upsert, reading, the threshold move, promotion
// and the backfill share the compact row and the one claim insert, so they stay together.
import type { DataSource, EntityManager } from 'typeorm';
import {
  isQuestioner,
  type ClaimState,
  type ClaimType,
  type SentenceClaim,
  type ThresholdPlan,
} from '@factdesk/domain';
import { ClaimEntity, DocumentSentencesEntity } from '../entities/index.js';
import { findOrCreateSpeakers } from '../speakers.js';
import { AuditRepository } from './audit.repository.js';

/** A document's scored sentences as stored: parallel arrays, sentence i at index i (reading order). */
export interface CompactSentences {
  speakers: string[];
  starts: number[];
  ends: number[];
  scores: number[];
  speakerIndexes: (number | null)[];
  claimTypes: ClaimType[];
}

/** What detection says about a sentence (libs/claim-detection's DetectedSentence, the fields kept). */
export interface ScoredSentence {
  start: number;
  end: number;
  score: number;
  speaker: string | null;
  type: ClaimType;
}

/** Detection's sentences in the stored form: the speakers' names once, each sentence pointing into them. */
export function compactSentences(sentences: readonly ScoredSentence[]): CompactSentences {
  const out: CompactSentences = { speakers: [], starts: [], ends: [], scores: [], speakerIndexes: [], claimTypes: [] };
  const index = new Map<string, number>();
  for (const s of sentences) {
    let speaker: number | null = null;
    if (s.speaker) {
      speaker = index.get(s.speaker) ?? null;
      if (speaker === null) index.set(s.speaker, (speaker = out.speakers.push(s.speaker) - 1));
    }
    out.starts.push(s.start);
    out.ends.push(s.end);
    out.scores.push(s.score);
    out.speakerIndexes.push(speaker);
    out.claimTypes.push(s.type);
  }
  return out;
}

/** The insert of a document's row, `$1` the document id and `p` the first of sentencesUpsertParams' 7 parameters. */
const sentencesInsert = (p: number) => `
  INSERT INTO document_sentences (document_id, threshold, detected_threshold, speakers, starts, ends, scores, speaker_indexes, claim_types)
  SELECT $1, $${p}, $${p}, $${p + 1}::text[], $${p + 2}::int[], $${p + 3}::int[], $${p + 4}::real[], $${p + 5}::smallint[], $${p + 6}::claim_type[]`;

/**
 * The upsert of a document's sentences inside DocumentsRepository.finishDetection's statement (so they commit
 * with the claims and the document's `done`, in the same round trip), written only when the document was
 * finished (`finished` is that statement's CTE). A detection that runs again replaces them, threshold included:
 * its claims were made at the detection threshold. `$1` is the document id; `p` the first of 7 parameters.
 */
export const SENTENCES_UPSERT = (p: number) => `
  ${sentencesInsert(p)}
  WHERE EXISTS (SELECT 1 FROM finished)
  ON CONFLICT (document_id) DO UPDATE SET threshold = EXCLUDED.threshold, detected_threshold = EXCLUDED.detected_threshold,
    speakers = EXCLUDED.speakers, starts = EXCLUDED.starts, ends = EXCLUDED.ends, scores = EXCLUDED.scores,
    speaker_indexes = EXCLUDED.speaker_indexes, claim_types = EXCLUDED.claim_types, updated_at = now()`;

export const sentencesUpsertParams = (threshold: number, s: CompactSentences): unknown[] => [
  threshold,
  s.speakers,
  s.starts,
  s.ends,
  s.scores,
  s.speakerIndexes,
  s.claimTypes,
];

/** A claim that sits on one of the document's sentences, with what the threshold rule needs. */
export interface SpanClaim extends SentenceClaim {
  start: number;
  end: number;
}

/** A document's text, its stored sentences (null when none were kept) and the claims on its spans. */
export interface DocumentSentencesRead {
  text: string | null;
  sentences: DocumentSentencesEntity | null;
  claims: { id: string; start: number; end: number }[];
}

interface Actor {
  actorId: string;
  requestId: string;
}

/** The claims of a document that have a span, with whether a person made or touched them (any audit event). */
async function spanClaims(m: EntityManager, documentId: string): Promise<SpanClaim[]> {
  const rows: { id: string; start: number; end: number; state: ClaimState; by_person: boolean; touched: boolean }[] =
    await m.query(
      `SELECT c.id, c.start_offset AS start, c.end_offset AS "end", c.state, c.created_by_id IS NOT NULL AS by_person,
              EXISTS (SELECT 1 FROM audit_events a WHERE a.claim_id = c.id) AS touched
       FROM claims c WHERE c.document_id = $1 AND c.start_offset IS NOT NULL`,
      [documentId],
    );
  return rows.map((r) => ({ ...r, byPerson: r.by_person }));
}

/**
 * The only writer of document_sentences besides detection's upsert (SENTENCES_UPSERT, run by
 * DocumentsRepository.finishDetection): reading a document's sentences, moving its threshold and promoting a
 * sentence to a claim, each change with its audit event in one transaction. The rules (which sentences are
 * claims, which claims a threshold may take away) are libs/domain's, passed in by the caller.
 */
export class DocumentSentencesRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  async documentExists(documentId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM documents WHERE id = $1', [documentId]);
    return rows.length > 0;
  }

  /** A claim with its speaker, as the document page shows it. */
  claim(id: string): Promise<ClaimEntity | null> {
    return this.db.getRepository(ClaimEntity).findOne({ where: { id }, relations: { speaker: true } });
  }

  /** Null when there is no such document. */
  async read(documentId: string): Promise<DocumentSentencesRead | null> {
    const [doc, sentences, claims] = await Promise.all([
      this.db.query('SELECT original_text AS text FROM documents WHERE id = $1', [documentId]) as Promise<
        { text: string | null }[]
      >,
      this.db.getRepository(DocumentSentencesEntity).findOne({ where: { documentId } }),
      this.db.query(
        'SELECT id, start_offset AS start, end_offset AS "end" FROM claims WHERE document_id = $1 AND start_offset IS NOT NULL',
        [documentId],
      ) as Promise<{ id: string; start: number; end: number }[]>,
    ]);
    if (!doc[0]) return null;
    return { text: doc[0].text, sentences, claims };
  }

  /**
   * Sets the document's threshold: `plan` (libs/domain's planThreshold) sees the locked sentences and their
   * claims and answers which sentences become claims and which claims leave. Claims it removes are checked
   * again in the statement (still the detector's, `detected` and untouched), so work done meanwhile is kept.
   * Null when the document has no stored sentences.
   */
  async setThreshold(
    documentId: string,
    threshold: number,
    actor: Actor,
    plan: (scores: number[], claimAt: (i: number) => SpanClaim | null) => ThresholdPlan,
  ): Promise<{ previous: number; created: number; removed: number; kept: number } | null> {
    return this.db.transaction(async (tx) => {
      const row = await this.locked(tx, documentId);
      if (!row) return null;
      const claims = await spanClaims(tx, documentId);
      const bySpan = new Map(claims.map((c) => [`${c.start}:${c.end}`, c]));
      const decided = plan(row.scores, (i) => bySpan.get(`${row.starts[i]}:${row.ends[i]}`) ?? null);
      const created = await this.insertClaims(tx, row, decided.create, null);
      const removed: { id: string }[] = decided.remove.length
        ? (
            await tx.query(
              `DELETE FROM claims c WHERE c.id = ANY($1::uuid[]) AND c.document_id = $2 AND c.state = 'detected' AND c.created_by_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.claim_id = c.id) RETURNING c.id`,
              [decided.remove, documentId],
            )
          )[0]
        : [];
      await tx.getRepository(DocumentSentencesEntity).update({ documentId }, { threshold });
      const result = {
        previous: row.threshold,
        created: created.length,
        removed: removed.length,
        kept: decided.keep.length + decided.remove.length - removed.length,
      };
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'document.threshold',
        entityType: 'document',
        entityId: documentId,
        before: { threshold: row.threshold },
        after: { threshold, created: result.created, removed: result.removed, kept: result.kept },
        requestId: actor.requestId,
      });
      return result;
    });
  }

  /**
   * Makes the sentence with exactly this span a claim of its document, by `actor` (kept whatever the threshold
   * later), with its `claim.promote` audit event; idempotent: a span that is already a claim answers that claim,
   * and nothing is written. `stored` is false when the document has no stored sentences, `claimId` null
   * when none of them has this span.
   */
  async promote(
    documentId: string,
    span: { start: number; end: number },
    actor: Actor,
  ): Promise<{ stored: false } | { stored: true; claimId: string | null; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const row = await this.locked(tx, documentId);
      if (!row) return { stored: false };
      const index = row.starts.findIndex((s, i) => s === span.start && row.ends[i] === span.end);
      if (index < 0) return { stored: true, claimId: null, created: false };
      const existing = await tx
        .getRepository(ClaimEntity)
        .findOne({ where: { documentId, startOffset: span.start, endOffset: span.end }, select: { id: true } });
      if (existing) return { stored: true, claimId: existing.id, created: false };
      const [claim] = await this.insertClaims(tx, row, [index], actor.actorId);
      if (!claim) {
        // A claim for the span was entered by hand meanwhile (its insert committed after our check): it is the claim.
        const raced = await tx
          .getRepository(ClaimEntity)
          .findOneOrFail({ where: { documentId, startOffset: span.start, endOffset: span.end }, select: { id: true } });
        return { stored: true, claimId: raced.id, created: false };
      }
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'claim.promote',
        entityType: 'claim',
        entityId: claim.id,
        claimId: claim.id,
        after: {
          documentId,
          start: span.start,
          end: span.end,
          score: row.scores[index],
          threshold: row.threshold,
          speaker: claim.speaker,
        },
        requestId: actor.requestId,
      });
      return { stored: true, claimId: claim.id, created: true };
    });
  }

  /** Done documents with text and no stored sentences (processed before they were kept), by id after `after`. */
  withoutSentences(after: string | null, limit: number): Promise<{ id: string; text: string }[]> {
    return this.db.query(
      `SELECT d.id, d.original_text AS text FROM documents d
       WHERE d.status = 'done' AND d.original_text IS NOT NULL AND ($1::uuid IS NULL OR d.id > $1::uuid)
         AND NOT EXISTS (SELECT 1 FROM document_sentences s WHERE s.document_id = d.id)
       ORDER BY d.id LIMIT $2`,
      [after, limit],
    );
  }

  /** Stores a document's sentences scored after the fact; never replaces a row detection wrote. */
  async backfill(documentId: string, threshold: number, all: CompactSentences): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `${sentencesInsert(2)}
       WHERE EXISTS (SELECT 1 FROM documents WHERE id = $1)
       ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [documentId, ...sentencesUpsertParams(threshold, all)],
    );
    return rows.length > 0;
  }

  /** The document's sentences, locked: threshold moves and promotions of one document happen one at a time. */
  private async locked(tx: EntityManager, documentId: string): Promise<DocumentSentencesEntity | null> {
    return tx
      .getRepository(DocumentSentencesEntity)
      .findOne({ where: { documentId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Claims for these sentences (text sliced from the document's, its speaker found or created by name as the
   * worker does, none for a questioner's line), `detected`, one per span (a span already a claim is skipped).
   */
  private async insertClaims(
    tx: EntityManager,
    row: DocumentSentencesEntity,
    indexes: number[],
    createdById: string | null,
  ): Promise<{ id: string; speaker: string | null }[]> {
    if (!indexes.length) return [];
    const [doc]: { text: string; said_at: Date | null }[] = await tx.query(
      'SELECT original_text AS text, published_at AS said_at FROM documents WHERE id = $1',
      [row.documentId],
    );
    const nameOf = (i: number) => {
      const at = row.speakerIndexes[i];
      const name = at === null || at === undefined ? null : (row.speakers[at] ?? null);
      return name && !isQuestioner(name) ? name : null;
    };
    const names = [...new Set(indexes.map(nameOf).filter((n): n is string => !!n))];
    const speakers = await findOrCreateSpeakers(
      tx,
      names.map((name) => ({ name })),
    );
    const rows = indexes.map((i) => ({
      text: doc.text.slice(row.starts[i], row.ends[i]),
      start_offset: row.starts[i],
      end_offset: row.ends[i],
      speaker_id: speakers.get(nameOf(i) ?? '')?.id ?? null,
      score: row.scores[i],
      claim_type: row.claimTypes[i],
    }));
    const inserted: { id: string; start_offset: number }[] = await tx.query(
      `INSERT INTO claims (document_id, said_at, text, start_offset, end_offset, speaker_id, score, checkworthy, claim_type, created_by_id)
       SELECT $1, $2, r.text, r.start_offset, r.end_offset, r.speaker_id, r.score, true, r.claim_type, $4
       FROM jsonb_to_recordset($3::jsonb) AS r(text text, start_offset integer, end_offset integer, speaker_id uuid, score real, claim_type claim_type)
       ON CONFLICT DO NOTHING
       RETURNING id, start_offset`,
      [row.documentId, doc.said_at, JSON.stringify(rows), createdById],
    );
    const speakerAt = new Map(indexes.map((i) => [row.starts[i], nameOf(i)]));
    return inserted.map((c) => ({ id: c.id, speaker: speakerAt.get(c.start_offset) ?? null }));
  }
}
