// The documents aggregate's only writer (~320 lines): creation, every pipeline step, retry, delete and the sweep
// share the lifecycle's conditional updates, so they stay together.
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  DOCUMENT_TRANSITIONS,
  DOCUMENT_WORKING_STATES,
  type DocumentEvent,
  type DocumentStatus,
} from '@factdesk/domain';
import { DocumentEntity, FactCheckEntity, ClaimEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';
import { SENTENCES_UPSERT, sentencesUpsertParams, type CompactSentences } from './document-sentences.repository.js';
import {
  documentContentHash,
  DOCUMENT_SELECT,
  toDocumentView,
  type CreatedDocument,
  type DetectedClaimRow,
  type DetectionInput,
  type DocumentVersioning,
  type DocumentJobRef,
  type DocumentListFilter,
  type DocumentPatch,
  type DocumentRow,
  type DocumentView,
  type NewDocument,
} from './document-rows.js';

/** The documents table's only writer: creation, the pipeline's states, retries and deletion, each with its audit event. */
export class DocumentsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /**
   * Stores a document and its audit event in one transaction (`tx`'s if given), unless the same content is
   * already stored: then it answers the existing document's id. The caller enqueues after the commit, so a
   * row always exists before its job (the sweep enqueues it if Redis was away).
   */
  async createDocument(input: NewDocument, tx?: EntityManager): Promise<CreatedDocument> {
    if (!tx) return this.db.transaction((m) => this.createDocument(input, m));
    const { content } = input;
    const contentHash = documentContentHash(content);
    const sourceUrl = input.sourceUrl ?? (content.format === 'url' ? content.url : null);
    const inserted = await tx
      .getRepository(DocumentEntity)
      .createQueryBuilder()
      .insert()
      .values({
        format: content.format,
        originalText: 'text' in content ? content.text : null,
        raw: 'bytes' in content ? content.bytes : null,
        rawFileName: 'bytes' in content ? content.fileName : null,
        rawContentType: 'bytes' in content ? content.contentType : null,
        contentHash,
        sourceUrl,
        title: input.title ?? null,
        outlet: input.outlet ?? null,
        ...(input.language !== undefined && { language: input.language }),
        publishedAt: input.publishedAt ?? null,
        saidAt: input.provenance?.saidAt ?? null,
        venue: input.provenance?.venue ?? null,
        mediaUrl: input.provenance?.mediaUrl ?? null,
        mediaStartSeconds: input.provenance?.mediaStartSeconds ?? null,
        appearedIn: input.provenance?.appearedIn ?? null,
        submittedById: input.submittedBy?.id ?? null,
        monitoredSourceId: input.monitoredSourceId ?? null,
        status: 'queued',
      })
      .orIgnore() // the same content again is the same document
      .returning(
        'id, title, outlet, source_url, published_at, said_at, venue, media_url, media_start_seconds, appeared_in, language, format, status, progress, error, attempts, submitted_by_id, created_at, updated_at, completed_at',
      )
      .execute();
    const row = (inserted.raw as DocumentRow[])[0];
    if (!row) {
      const existing = await tx
        .getRepository(DocumentEntity)
        .findOneOrFail({ where: { contentHash }, select: { id: true } });
      return { created: false, id: existing.id };
    }
    await this.audit.record(tx, {
      actorId: input.actorId,
      action: 'document.create',
      entityType: 'document',
      entityId: row.id,
      after: {
        format: content.format,
        title: input.title ?? null,
        sourceUrl,
        ...(input.provenance && { provenance: input.provenance }),
        bytes: 'bytes' in content ? content.bytes.length : 'text' in content ? Buffer.byteLength(content.text) : 0,
        ...(input.monitoredSourceId && { monitoredSourceId: input.monitoredSourceId }),
      },
      requestId: input.requestId ?? null,
    });
    // A new document has no claims yet; after the enqueue a worker may already be on it, so this is the row as accepted.
    return {
      created: true,
      job: { id: row.id, format: content.format, contentHash, attempts: 0 },
      document: toDocumentView({
        ...row,
        submitted_by_name: input.submittedBy?.name ?? null,
        claim_count: 0,
        checkworthy_count: 0,
      }),
    };
  }

  async view(id: string): Promise<DocumentView | null> {
    const rows: DocumentRow[] = await this.db.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
    return rows[0] ? toDocumentView(rows[0]) : null;
  }

  /** Newest first; `cursorAt` is each row's created_at as PostgreSQL prints it, for the next page's keyset. */
  async list(filter: DocumentListFilter): Promise<(DocumentView & { cursorAt: string })[]> {
    const { where, params, bind } = documentFilters(filter);
    if (filter.before)
      where.push(`(d.created_at, d.id) < (${bind(filter.before.at)}::timestamptz, ${bind(filter.before.id)}::uuid)`);
    const rows: (DocumentRow & { cursor_at: string })[] = await this.db.query(
      `SELECT * FROM (${DOCUMENT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC LIMIT ${bind(filter.limit)}) x,
       LATERAL (SELECT x.created_at::text AS cursor_at) c`,
      params,
    );
    return rows.map((r) => ({ ...toDocumentView(r), cursorAt: r.cursor_at }));
  }

  /** How many documents the filter matches, every page together. */
  async count(filter: Omit<DocumentListFilter, 'before' | 'limit'>): Promise<number> {
    const { where, params } = documentFilters(filter);
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return total;
  }

  /** The document's text and its claims in reading order, with their speakers. */
  async textAndClaims(id: string): Promise<{ text: string | null; claims: ClaimEntity[] } | null> {
    const [doc, claims] = await Promise.all([
      this.db.getRepository(DocumentEntity).findOne({ where: { id }, select: { id: true, originalText: true } }),
      this.db
        .getRepository(ClaimEntity)
        .find({ where: { documentId: id }, relations: { speaker: true }, order: { startOffset: 'ASC' } }),
    ]);
    return doc ? { text: doc.originalText, claims } : null;
  }

  /**
   * Sends a document through the pipeline again as a new attempt, with its audit event. `decide` sees the
   * locked row (nothing changes it meanwhile) and answers the state it goes to, or throws to refuse: the
   * rule is libs/domain's, applied by the caller. Answers what the job needs, or null when there is no
   * such document.
   */
  async retry(
    id: string,
    actor: { actorId: string; requestId: string },
    decide: (doc: DocumentJobRef) => DocumentStatus,
  ): Promise<DocumentJobRef | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(DocumentEntity);
      const doc = await repo.findOne({
        where: { id },
        select: { id: true, status: true, attempts: true, contentHash: true, format: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!doc) return null;
      const status = decide(doc);
      const attempts = doc.attempts + 1;
      await repo.update({ id }, { status, progress: 0, error: null, attempts });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'document.retry',
        entityType: 'document',
        entityId: id,
        before: { status: doc.status },
        after: { status, attempts },
        requestId: actor.requestId,
      });
      return { ...doc, status, attempts };
    });
  }

  /**
   * Deletes a document and its claims, with its audit event. `check` sees the locked document and how
   * many of its claims have a fact-check, and throws to refuse. Answers false when there is no such document.
   */
  async remove(
    id: string,
    actor: { actorId: string; requestId: string },
    check: (doc: DocumentEntity, factChecks: number) => void,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const doc = await tx
        .getRepository(DocumentEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!doc) return false;
      const factChecks = await tx
        .getRepository(FactCheckEntity)
        .createQueryBuilder('f')
        .innerJoin('f.claim', 'c')
        .where('c.document_id = :id', { id })
        .getCount();
      check(doc, factChecks);
      const claims = await tx.getRepository(ClaimEntity).countBy({ documentId: id });
      await tx.getRepository(DocumentEntity).delete({ id });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'document.delete',
        entityType: 'document',
        entityId: id,
        before: { title: doc.title, format: doc.format, claims },
        requestId: actor.requestId,
      });
      return true;
    });
  }

  // The pipeline's steps (the worker): each write is one statement, so a job that runs twice changes nothing twice.

  /** The document with its uploaded bytes, for fetching and extraction. */
  forExtraction(id: string): Promise<DocumentEntity | null> {
    return this.db
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.raw')
      .where('d.id = :id', { id })
      .getOne();
  }

  /**
   * Moves the document as libs/domain's lifecycle allows `event`, in one conditional statement: false, and
   * nothing written, when its state does not allow it (done, failed or retried since the job was queued).
   */
  async move(id: string, event: DocumentEvent, progress: number, extra: DocumentPatch = {}): Promise<boolean> {
    const { from, to: status } = DOCUMENT_TRANSITIONS[event];
    const { affected } = await this.db
      .getRepository(DocumentEntity)
      .update({ id, status: In([...from]) }, { status, progress, ...extra });
    return Boolean(affected);
  }

  /** Between attempts: the document keeps its place, and says what went wrong. */
  async noteRetry(id: string, error: string): Promise<void> {
    await this.db.getRepository(DocumentEntity).update({ id }, { error });
  }

  /**
   * Says the document is being detected and reads what detection needs, in one round trip. Null when it
   * has no text yet or its state does not allow detection (`status` tells which).
   */
  async startDetection(id: string): Promise<DetectionInput | null> {
    const [[doc]]: [DetectionInput[], number] = await this.db.query(
      `UPDATE documents SET status = $2, progress = 60, updated_at = now() WHERE id = $1 AND original_text IS NOT NULL AND status = ANY($3::document_status[])
       RETURNING id, content_hash AS "contentHash", attempts, original_text AS "originalText", title, outlet, published_at AS "publishedAt", said_at AS "saidAt", monitored_source_id AS "monitoredSourceId"`,
      [id, DOCUMENT_TRANSITIONS.detect.to, DOCUMENT_TRANSITIONS.detect.from],
    );
    return doc ?? null;
  }

  /** The document's state, or null when it is gone. */
  async status(id: string): Promise<DocumentStatus | null> {
    const doc = await this.db
      .getRepository(DocumentEntity)
      .findOne({ where: { id }, select: { id: true, status: true } });
    return doc?.status ?? null;
  }

  /**
   * The document's claims, every scored sentence (document_sentences) and its `done` in one statement (atomic, one round trip: on a small machine each
   * round trip costs more than the SQL it carries). One claim per span: running it again inserts nothing
   * new. Answers how many claims were new, and whether the document was finished (not when a person
   * retried it meanwhile: the new attempt finishes it).
   */
  async finishDetection(
    id: string,
    result: {
      saidAt: Date | null;
      title: string | null;
      outlet: string | null;
      claims: DetectedClaimRow[];
      /** Every scored sentence, and the threshold its claims were chosen at. */
      sentences: { threshold: number; all: CompactSentences };
      versioning: DocumentVersioning | null;
    },
  ): Promise<{ inserted: number; finished: boolean }> {
    const v = result.versioning;
    // A claim the earlier version already has joins that claim's cluster as a duplicate: not triaged twice.
    const [{ inserted, finished }]: { inserted: number; finished: number }[] = await this.db.query(
      `WITH new_claims AS (
         INSERT INTO claims (document_id, said_at, text, start_offset, end_offset, speaker_id, score, checkworthy, reasons, claim_type, entities, duplicate_of_id, state)
         SELECT $1, $2, r.text, r.start_offset, r.end_offset, r.speaker_id, r.score, r.checkworthy, r.reasons, r.claim_type, r.entities,
                r.duplicate_of_id, CASE WHEN r.duplicate_of_id IS NULL THEN 'detected' ELSE 'duplicate' END::claim_state
         FROM jsonb_to_recordset($3::jsonb) AS r(text text, start_offset integer, end_offset integer, speaker_id uuid, score real, checkworthy boolean, reasons jsonb, claim_type claim_type, entities jsonb, duplicate_of_id uuid)
         ON CONFLICT DO NOTHING
         RETURNING id
       ), finished AS (
         UPDATE documents SET status = $6, progress = 100, error = NULL, completed_at = now(), updated_at = now(), title = $4, outlet = $5,
                -- The date detection found stands for the publication date only when nobody gave a date said.
                published_at = CASE WHEN said_at IS NULL THEN $2::timestamptz ELSE published_at END,
                text_signature = $8::integer[], text_bands = $9::integer[], version_of_id = $10
         WHERE id = $1 AND status = ANY($7::document_status[])
         RETURNING id
       ), sentences AS (${SENTENCES_UPSERT(11)})
       SELECT (SELECT count(*) FROM new_claims)::int AS inserted, (SELECT count(*) FROM finished)::int AS finished`,
      [
        id,
        result.saidAt,
        JSON.stringify(result.claims),
        result.title,
        result.outlet,
        DOCUMENT_TRANSITIONS.detected.to,
        DOCUMENT_TRANSITIONS.detected.from,
        v?.signature ?? null,
        v?.bands ?? null,
        v?.versionOfId ?? null,
        ...sentencesUpsertParams(result.sentences.threshold, result.sentences.all),
      ],
    );
    return { inserted, finished: finished > 0 };
  }

  /**
   * Finished documents sharing a band of `bands` with this one (LSH candidates, GIN-indexed), with their
   * signatures, oldest first: the earlier documents it may be a version of.
   */
  versionCandidates(id: string, bands: number[], limit = 20): Promise<{ id: string; signature: number[] }[]> {
    return this.db.query(
      `SELECT id, text_signature AS signature FROM documents
       WHERE text_bands && $2::integer[] AND id <> $1 AND status = 'done' AND text_signature IS NOT NULL
       ORDER BY created_at LIMIT $3`,
      [id, bands, limit],
    );
  }

  /** A document's claims, each with its cluster's first claim (itself unless it is a duplicate). */
  clusterHeads(documentId: string): Promise<{ text: string; headId: string }[]> {
    return this.db.query(`SELECT text, COALESCE(duplicate_of_id, id) AS "headId" FROM claims WHERE document_id = $1`, [
      documentId,
    ]);
  }

  /** The document's claim ids in order, `limit` after `after`: the linking step's chunks. */
  async claimIds(documentId: string, after: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      'SELECT id FROM claims WHERE document_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3',
      [documentId, after, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Documents that have waited longer than `staleMs` in a working state, oldest first: the sweep's lost work. */
  stale(staleMs: number, limit = 500): Promise<DocumentJobRef[]> {
    return this.db.query(
      `SELECT id, status, format, content_hash AS "contentHash", attempts FROM documents
       WHERE status = ANY($3::document_status[]) AND updated_at < now() - make_interval(secs => $1)
       ORDER BY updated_at LIMIT $2`,
      [staleMs / 1000, limit, DOCUMENT_WORKING_STATES],
    );
  }
}

/** The list's filters as SQL conditions on `documents d`, values bound. */
function documentFilters(filter: Pick<DocumentListFilter, 'status' | 'submittedBy' | 'pattern'>) {
  const params: unknown[] = [];
  const bind = (v: unknown) => (params.push(v), `$${params.length}`);
  const where: string[] = [];
  if (filter.status) where.push(`d.status = ${bind(filter.status)}`);
  if (filter.submittedBy) where.push(`d.submitted_by_id = ${bind(filter.submittedBy)}`);
  if (filter.pattern) where.push(`(d.title ILIKE ${bind(filter.pattern)} OR d.outlet ILIKE $${params.length})`);
  return { where, params, bind };
}
