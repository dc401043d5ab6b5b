import { createHash } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException, PayloadTooLargeException, UnprocessableEntityException, UnsupportedMediaTypeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import type { DocumentClaimDto, DocumentDetailDto, DocumentDto, DocumentFormat, DocumentSubmissionDto, Page } from '@factdesk/domain';
import { decodeUtf8, detectFormat, normaliseText, UnreadableDocumentError } from '@factdesk/extraction';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import { ClaimEntity, DocumentEntity, FactCheckEntity, type UserEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import { given } from '../common/objects.js';
import { containsPattern, INVALID_CURSOR, withCursor } from '../common/paging.js';
import { DocumentQueue } from './document-queue.service.js';
import type { DocumentMetadataDto, ListDocumentsQuery } from './dto.js';

export type Submission =
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; bytes: Buffer; fileName: string; contentType: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Row {
  id: string;
  title: string | null;
  outlet: string | null;
  source_url: string | null;
  published_at: Date | null;
  language: string;
  format: DocumentFormat;
  status: DocumentDto['status'];
  progress: number;
  error: string | null;
  attempts: number;
  submitted_by_id: string | null;
  submitted_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  claim_count: number;
  checkworthy_count: number;
}

const SELECT = `
  SELECT d.id, d.title, d.outlet, d.source_url, d.published_at, d.language, d.format, d.status, d.progress, d.error, d.attempts,
         d.submitted_by_id, u.name AS submitted_by_name, d.created_at, d.updated_at, d.completed_at,
         (SELECT count(*)::int FROM claims c WHERE c.document_id = d.id) AS claim_count,
         (SELECT count(*)::int FROM claims c WHERE c.document_id = d.id AND c.checkworthy) AS checkworthy_count
  FROM documents d LEFT JOIN users u ON u.id = d.submitted_by_id`;

function toDto(r: Row): DocumentDto {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    sourceUrl: r.source_url,
    publishedAt: r.published_at?.toISOString() ?? null,
    language: r.language,
    format: r.format,
    status: r.status,
    progress: r.progress,
    error: r.error,
    attempts: r.attempts,
    submittedBy: r.submitted_by_id ? { id: r.submitted_by_id, name: r.submitted_by_name! } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    claimCount: r.claim_count,
    checkworthyCount: r.checkworthy_count,
  };
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: DocumentQueue,
    private readonly audit: AuditService,
  ) {}

  /** Turns what was sent into a document row's content, refusing what cannot be read with the right status. */
  private async prepare(submission: Submission): Promise<Pick<DocumentEntity, 'format' | 'originalText' | 'contentHash' | 'raw' | 'rawFileName' | 'rawContentType' | 'sourceUrl'>> {
    const max = this.config.documentMaxBytes;
    const none = { raw: null, rawFileName: null, rawContentType: null, sourceUrl: null };
    switch (submission.kind) {
      case 'text': {
        const text = normaliseText(submission.text);
        if (!text) throw new FieldValidationException([{ field: 'text', message: 'must not be empty' }]);
        if (Buffer.byteLength(text) > max) throw new PayloadTooLargeException(`The text is larger than ${Math.floor(max / 1024 / 1024)} MB.`);
        return { ...none, format: 'text', originalText: text, contentHash: sha256(text) };
      }
      case 'url': {
        let url: URL;
        try {
          url = await assertFetchableUrl(submission.url, this.config.outbound);
        } catch (err) {
          if (err instanceof OutboundRequestError) throw new FieldValidationException([{ field: 'url', message: err.message }]);
          throw err;
        }
        return { ...none, format: 'url', originalText: null, contentHash: sha256(`url:${url.toString()}`), sourceUrl: url.toString() };
      }
      case 'file': {
        const format = detectFormat(submission.bytes, { fileName: submission.fileName, contentType: submission.contentType });
        if (!format) throw new UnsupportedMediaTypeException('Unsupported file type: send .txt, .md, .html, .pdf or .docx.');
        if (format === 'text' || format === 'markdown' || format === 'html') {
          let text: string;
          try {
            text = decodeUtf8(submission.bytes);
          } catch (err) {
            // An .html upload is held to the same rule: binary or non-UTF-8 bytes would reach readers as noise.
            if (err instanceof UnreadableDocumentError) throw new UnprocessableEntityException(err.message);
            throw err;
          }
          if (!text) throw new UnprocessableEntityException('The file is empty.');
          if (format !== 'html') return { ...none, format, originalText: text, contentHash: sha256(text) };
        }
        // Only the file's base name is kept: no directories, no path tricks.
        const fileName = submission.fileName.split(/[\\/]/).pop()!.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 255) || 'upload';
        return { ...none, format, originalText: null, contentHash: sha256(submission.bytes), raw: submission.bytes, rawFileName: fileName, rawContentType: submission.contentType.slice(0, 255) };
      }
    }
  }

  /**
   * Stores the document (or finds the same content already stored), then enqueues its job. The row comes
   * first, so nothing is lost if Redis is down: the sweep enqueues it later.
   */
  async submit(submission: Submission, meta: DocumentMetadataDto, user: UserEntity, requestId: string): Promise<DocumentSubmissionDto> {
    const content = await this.prepare(submission);
    const repo = this.db.getRepository(DocumentEntity);
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({
        ...content,
        ...given({ title: meta.title, outlet: meta.outlet, language: meta.language }),
        sourceUrl: meta.sourceUrl ?? content.sourceUrl,
        publishedAt: meta.publishedAt ? new Date(meta.publishedAt) : null,
        status: 'queued',
        submittedById: user.id,
      })
      .orIgnore() // the same content again is the same document
      .returning('id, title, outlet, source_url, published_at, language, format, status, progress, error, attempts, submitted_by_id, created_at, updated_at, completed_at')
      .execute();
    const row = (inserted.raw as Omit<Row, 'submitted_by_name' | 'claim_count' | 'checkworthy_count'>[])[0];
    if (!row) {
      const existing = await repo.findOneOrFail({ where: { contentHash: content.contentHash }, select: { id: true } });
      return { document: await this.summary(existing.id), duplicate: true };
    }
    const { id } = row;
    await this.audit.record({ actorId: user.id, action: 'document.create', entityType: 'document', entityId: id, after: { format: content.format, title: meta.title ?? null, sourceUrl: meta.sourceUrl ?? content.sourceUrl, bytes: content.raw?.length ?? Buffer.byteLength(content.originalText ?? '') }, requestId });
    // The answer is the row as accepted (a new document has no claims yet), not a second read: after the
    // enqueue a worker may already be on it.
    const document = toDto({ ...row, submitted_by_name: user.name, claim_count: 0, checkworthy_count: 0 });
    await this.queue.enqueue({ id, contentHash: content.contentHash, attempts: 0, format: content.format });
    return { document, duplicate: false };
  }

  async summary(id: string): Promise<DocumentDto> {
    const rows: Row[] = await this.db.query(`${SELECT} WHERE d.id = $1`, [id]);
    if (!rows.length) throw new NotFoundException('No such document.');
    return toDto(rows[0]);
  }

  async list(query: ListDocumentsQuery): Promise<Page<DocumentDto>> {
    const params: unknown[] = [];
    const bind = (v: unknown) => (params.push(v), `$${params.length}`);
    const where: string[] = [];
    if (query.status) where.push(`d.status = ${bind(query.status)}`);
    if (query.submittedBy) where.push(`d.submitted_by_id = ${bind(query.submittedBy)}`);
    if (query.q) where.push(`(d.title ILIKE ${bind(containsPattern(query.q))} OR d.outlet ILIKE $${params.length})`);
    if (query.cursor) {
      const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
      if (!at || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new BadRequestException(INVALID_CURSOR);
      where.push(`(d.created_at, d.id) < (${bind(at)}::timestamptz, ${bind(id)}::uuid)`);
    }
    const limit = query.limit ?? 50;
    const rows: (Row & { cursor_at: string })[] = await withCursor(query.cursor, () =>
      this.db.query(
        `SELECT * FROM (${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.created_at DESC, d.id DESC LIMIT ${bind(limit + 1)}) x,
         LATERAL (SELECT x.created_at::text AS cursor_at) c`,
        params,
      ),
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toDto), nextCursor: rows.length > limit && last ? Buffer.from(`${last.cursor_at}|${last.id}`).toString('base64url') : null };
  }

  async detail(id: string): Promise<DocumentDetailDto> {
    const summary = await this.summary(id);
    const [doc, claims] = await Promise.all([
      this.db.getRepository(DocumentEntity).findOneOrFail({ where: { id }, select: { id: true, originalText: true } }),
      this.db.getRepository(ClaimEntity).find({ where: { documentId: id }, relations: { speaker: true }, order: { startOffset: 'ASC' } }),
    ]);
    return {
      ...summary,
      text: doc.originalText,
      claims: claims.map(
        (c): DocumentClaimDto => ({
          id: c.id,
          text: c.text,
          start: c.startOffset!,
          end: c.endOffset!,
          speaker: c.speaker ? { id: c.speaker.id, name: c.speaker.name } : null,
          score: c.score,
          checkworthy: c.checkworthy,
          claimType: c.claimType,
          state: c.state,
          reasons: c.reasons,
        }),
      ),
    };
  }

  /** Sends a failed (or stuck) document through the pipeline again, as a new attempt. */
  async retry(id: string, user: UserEntity, requestId: string): Promise<DocumentDto> {
    const repo = this.db.getRepository(DocumentEntity);
    const doc = await repo.findOne({ where: { id }, select: { id: true, status: true, attempts: true, contentHash: true, format: true } });
    if (!doc) throw new NotFoundException('No such document.');
    if (doc.status === 'done') throw new ConflictException('This document was processed successfully; there is nothing to retry.');
    const attempts = doc.attempts + 1;
    await repo.update({ id }, { status: 'queued', progress: 0, error: null, attempts });
    await this.audit.record({ actorId: user.id, action: 'document.retry', entityType: 'document', entityId: id, before: { status: doc.status }, after: { status: 'queued', attempts }, requestId });
    await this.queue.enqueue({ ...doc, attempts });
    return this.summary(id);
  }

  /** Deletes a document and its claims, unless one of them has been published (the record must stay). */
  async remove(id: string, user: UserEntity, requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const doc = await m.getRepository(DocumentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!doc) throw new NotFoundException('No such document.');
      const published = await m.getRepository(FactCheckEntity).createQueryBuilder('f').innerJoin('f.claim', 'c').where('c.document_id = :id', { id }).getCount();
      if (published) throw new ConflictException(`This document has ${published} published fact-check(s); retract them instead of deleting the document.`);
      const claims = await m.getRepository(ClaimEntity).countBy({ documentId: id });
      await m.getRepository(DocumentEntity).delete({ id });
      await this.audit.record({ actorId: user.id, action: 'document.delete', entityType: 'document', entityId: id, before: { title: doc.title, format: doc.format, claims }, requestId }, m);
    });
  }
}
