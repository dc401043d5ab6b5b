import { basename } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { detectClaims } from '@factdesk/claim-detection';
import type { DocumentStatus } from '@factdesk/domain';
import { extractDocument, UnreadableDocumentError } from '@factdesk/extraction';
import { OutboundRequestError, safeFetch } from '@factdesk/net';
import { DocumentEntity, findOrCreateSpeakers, linkClaimMatches, MonitoredSourceEntity } from '@factdesk/persistence';
import { InjectWorkerConfig } from '../worker-config.js';
import { EventsPublisher } from './events.publisher.js';

/** Claims linked per job: a few seconds of work with the trained matcher (about 30 ms a claim). */
export const LINK_CHUNK = 100;

/** Names a transcript gives to the person asking questions: not a speaker to file claims under. */
const ANONYMOUS_SPEAKERS = /^(interviewer|question|q|moderator|host|journalist|reporter|audience)$/i;

/** Failures that another attempt cannot fix: the document fails at once, with the reason. */
function permanent(err: unknown): boolean {
  if (err instanceof UnreadableDocumentError) return true;
  if (err instanceof OutboundRequestError) return ['bad_url', 'refused_address', 'too_large', 'too_many_redirects'].includes(err.code) || (err.code === 'http_status' && (err.status ?? 500) < 500);
  return false;
}

/** What a person reads when a document failed. */
export function describeFailure(err: unknown): string {
  if (err instanceof UnreadableDocumentError || err instanceof OutboundRequestError) return err.message;
  return `Processing failed: ${(err as Error).message ?? String(err)}`;
}

/**
 * The ingestion pipeline's steps. Each is idempotent, so a job that runs twice (a retry, a worker killed
 * mid-job, two workers after a stall) leaves the same result: the same text, the same claims, once.
 */
@Injectable()
export class DocumentPipeline {
  private readonly logger = new Logger(DocumentPipeline.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectWorkerConfig() private readonly config: AppConfig,
    private readonly events: EventsPublisher,
  ) {}

  private async setStatus(id: string, status: DocumentStatus, progress: number, extra: Partial<DocumentEntity> = {}): Promise<void> {
    await this.db.getRepository(DocumentEntity).update({ id }, { status, progress, ...extra });
    this.events.publish({ type: 'document', documentId: id, status, progress, error: extra.error ?? null, title: extra.title });
  }

  /** Step 1 (I/O): fetch a URL or read an uploaded file, and extract its readable text. Returns the document, or null when it is gone. */
  async fetchAndExtract(documentId: string): Promise<Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts'> | null> {
    const repo = this.db.getRepository(DocumentEntity);
    const doc = await repo.createQueryBuilder('d').addSelect('d.raw').where('d.id = :documentId', { documentId }).getOne();
    if (!doc) return null;
    await this.setStatus(doc.id, 'fetching', 10);
    try {
      let extracted;
      if (doc.format === 'url') {
        const response = await safeFetch(doc.sourceUrl!, { ...this.config.outbound, timeoutMs: this.config.outbound.timeoutMs, maxBytes: this.config.documentMaxBytes, headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' } });
        if (response.status >= 400) throw new OutboundRequestError('http_status', `The address answered ${response.status}.`, response.status);
        await this.setStatus(doc.id, 'fetching', 25);
        extracted = await extractDocument(response.body, { contentType: String(response.headers['content-type'] ?? ''), fileName: basename(new URL(response.url).pathname) });
      } else {
        if (!doc.raw) throw new UnreadableDocumentError('The uploaded file is missing; submit it again.');
        extracted = await extractDocument(doc.raw, { fileName: doc.rawFileName ?? undefined, contentType: doc.rawContentType ?? undefined });
      }
      await this.setStatus(doc.id, 'detecting', 40, {
        originalText: extracted.text,
        error: null,
        // What the page says about itself fills only what the person left empty.
        title: doc.title ?? extracted.title ?? null,
        outlet: doc.outlet ?? extracted.outlet ?? null,
        publishedAt: doc.publishedAt ?? (extracted.publishedAt ? new Date(extracted.publishedAt) : null),
        language: doc.language !== 'en' ? doc.language : (extracted.language?.slice(0, 35) ?? doc.language),
      });
      return doc;
    } catch (err) {
      if (permanent(err)) throw new UnrecoverableError(describeFailure(err));
      throw err;
    }
  }

  /**
   * Step 2 (CPU): find the claims and their speakers and write them in one statement; the document is
   * `done` when its claims are written. Returns what the linking job needs, or null when the document is gone.
   */
  async detect(documentId: string): Promise<Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts'> | null> {
    // Reading the document and saying it is being worked on: one round trip.
    type Row = Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts' | 'originalText' | 'title' | 'outlet' | 'publishedAt' | 'monitoredSourceId'>;
    const [[doc]]: [Row[], number] = await this.db.query(
      `UPDATE documents SET status = 'detecting', progress = 60, updated_at = now() WHERE id = $1 AND original_text IS NOT NULL
       RETURNING id, content_hash AS "contentHash", attempts, original_text AS "originalText", title, outlet, published_at AS "publishedAt", monitored_source_id AS "monitoredSourceId"`,
      [documentId],
    );
    if (!doc) {
      if (await this.db.getRepository(DocumentEntity).existsBy({ id: documentId })) throw new Error('the document has no text yet');
      return null;
    }
    this.events.publish({ type: 'document', documentId: doc.id, status: 'detecting', progress: 60, error: null });
    // A monitored source's documents are, unless they say otherwise, its default speaker's words.
    const defaultSpeaker = doc.monitoredSourceId
      ? ((await this.db.getRepository(MonitoredSourceEntity).findOne({ where: { id: doc.monitoredSourceId }, relations: { defaultSpeaker: true } }))?.defaultSpeaker?.name ?? undefined)
      : undefined;
    const started = performance.now();
    const result = detectClaims(doc.originalText!, { threshold: this.config.worker.claimThreshold, outlet: doc.outlet ?? undefined, defaultSpeaker });
    const detected = performance.now();
    const claims = result.sentences.filter((s) => s.checkworthy);
    const saidAt = doc.publishedAt ?? (result.metadata.date ? new Date(`${result.metadata.date}T00:00:00Z`) : null);
    const title = doc.title ?? result.metadata.title ?? null;

    // A document's speakers in one lookup; then its claims and its `done` in one statement (atomic, one round
    // trip: on this kind of machine each round trip costs more than the SQL it carries).
    const named = new Set(claims.map((c) => c.speaker).filter((s): s is string => !!s && !ANONYMOUS_SPEAKERS.test(s)));
    const speakers = await findOrCreateSpeakers(this.db.manager, result.speakers.filter((s) => named.has(s.name)));
    const rows = claims.map((c) => ({
      text: c.text,
      start_offset: c.start,
      end_offset: c.end,
      speaker_id: c.speaker ? (speakers.get(c.speaker)?.id ?? null) : null,
      score: c.score,
      checkworthy: c.checkworthy,
      reasons: c.reasons,
      claim_type: c.type,
      entities: c.entities,
    }));
    // One claim per span: running this again inserts nothing new.
    const [{ inserted }]: { inserted: number }[] = await this.db.query(
      `WITH new_claims AS (
         INSERT INTO claims (document_id, said_at, text, start_offset, end_offset, speaker_id, score, checkworthy, reasons, claim_type, entities)
         SELECT $1, $2, r.text, r.start_offset, r.end_offset, r.speaker_id, r.score, r.checkworthy, r.reasons, r.claim_type, r.entities
         FROM jsonb_to_recordset($3::jsonb) AS r(text text, start_offset integer, end_offset integer, speaker_id uuid, score real, checkworthy boolean, reasons jsonb, claim_type claim_type, entities jsonb)
         ON CONFLICT DO NOTHING
         RETURNING id
       ), finished AS (
         UPDATE documents SET status = 'done', progress = 100, error = NULL, completed_at = now(), updated_at = now(), title = $4, outlet = $5, published_at = $2 WHERE id = $1
       )
       SELECT count(*)::int AS inserted FROM new_claims`,
      [doc.id, saidAt, JSON.stringify(rows), title, doc.outlet ?? result.metadata.outlet ?? null],
    );

    const written = performance.now();
    this.events.publish({ type: 'document', documentId: doc.id, status: 'done', progress: 100, error: null, title }, { type: 'claims', documentId: doc.id, count: inserted, checkworthy: claims.length });
    const timings = { detectMs: Math.round(detected - started), writeMs: Math.round(written - detected) };
    this.logger.log({ msg: 'document processed', documentId: doc.id, sentences: result.sentences.length, claims: claims.length, inserted, ...timings });
    return doc;
  }

  /**
   * Step 3, after `done`: links the document's claims to near-duplicates in other documents and to published
   * fact-checks of the same claim, LINK_CHUNK claims at a time (by id, after `after`), so a long document's
   * linking is many short jobs that a shutdown can wait for. Idempotent (existing links are left alone), so it
   * may run again after a retry, a second detection of the same document, or a worker that died mid-job.
   * Returns the links made and where the next chunk starts (null when this was the last).
   */
  async link(documentId: string, after: string | null = null, chunk = LINK_CHUNK): Promise<{ linked: number; next: string | null }> {
    const started = performance.now();
    const claims: { id: string }[] = await this.db.query(
      'SELECT id FROM claims WHERE document_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3',
      [documentId, after, chunk],
    );
    const linked = claims.length ? await linkClaimMatches(this.db.manager, claims.map((c) => c.id)) : 0;
    // New links change what the claims show ("checked before"): the same event as new claims makes screens fetch them again.
    if (linked) this.events.publish({ type: 'claims', documentId, count: claims.length, checkworthy: claims.length });
    this.logger.log({ msg: 'claims linked', documentId, claims: claims.length, linked, linkMs: Math.round(performance.now() - started) });
    return { linked, next: claims.length === chunk ? claims[claims.length - 1].id : null };
  }

  /** After the last attempt (or a failure no attempt can fix): the reason is kept for people to read. */
  async markFailed(documentId: string, reason: string): Promise<void> {
    await this.setStatus(documentId, 'failed', 0, { error: reason.slice(0, 2000) });
  }

  /** Between attempts: the document keeps its place, and says what went wrong. */
  async noteRetry(documentId: string, attempt: number, reason: string): Promise<void> {
    await this.db.getRepository(DocumentEntity).update({ id: documentId }, { error: `Attempt ${attempt} failed (${reason.slice(0, 500)}); retrying.` });
  }
}
