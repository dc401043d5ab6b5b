import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import {
  decideDocumentTransition,
  type DocumentDetailDto,
  type DocumentDto,
  type DocumentSubmissionDto,
  type CountedPage,
} from '@factdesk/domain';
import { decodeUtf8, detectFormat, normaliseText, UnreadableDocumentError } from '@factdesk/extraction';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import { DocumentsRepository, type DocumentContent, type UserEntity } from '@factdesk/persistence';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import { given } from '../common/objects.js';
import { toDocumentClaimDto } from '../common/views.js';
import { containsPattern, decodeCursor, encodeCursor, INVALID_CURSOR, withCursor } from '../common/paging.js';
import { DocumentQueue } from './document-queue.service.js';
import type { DocumentMetadataDto, ListDocumentsQuery } from './dto.js';

export type Submission =
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; bytes: Buffer; fileName: string; contentType: string };

/**
 * The document's source address. For a document fetched from an address it is the address fetched (the
 * worker fetches `source_url`), so a different `sourceUrl` beside `url` would fetch what the address rules
 * never checked: refused. For text and files it is only where the document was published.
 */
function sourceUrlOf(content: DocumentContent, meta: DocumentMetadataDto): string | null {
  if (content.format !== 'url') return meta.sourceUrl ?? null;
  if (meta.sourceUrl === undefined) return content.url;
  let given: string | null;
  try {
    given = new URL(meta.sourceUrl).toString();
  } catch {
    given = null;
  }
  if (given !== content.url)
    throw new FieldValidationException([
      { field: 'sourceUrl', message: 'must be the same address as url (the address fetched), or left out' },
    ]);
  return content.url;
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly queue: DocumentQueue,
    private readonly documents: DocumentsRepository,
  ) {}

  /** Turns what was sent into a document row's content, refusing what cannot be read with the right status. */
  private async prepare(submission: Submission): Promise<DocumentContent> {
    const max = this.config.documentMaxBytes;
    switch (submission.kind) {
      case 'text': {
        const text = normaliseText(submission.text);
        if (!text) throw new FieldValidationException([{ field: 'text', message: 'must not be empty' }]);
        if (Buffer.byteLength(text) > max)
          throw new PayloadTooLargeException(`The text is larger than ${Math.floor(max / 1024 / 1024)} MB.`);
        return { format: 'text', text };
      }
      case 'url': {
        let url: URL;
        try {
          url = await assertFetchableUrl(submission.url, this.config.outbound);
        } catch (err) {
          if (err instanceof OutboundRequestError)
            throw new FieldValidationException([{ field: 'url', message: err.message }]);
          throw err;
        }
        return { format: 'url', url: url.toString() };
      }
      case 'file': {
        const format = detectFormat(submission.bytes, {
          fileName: submission.fileName,
          contentType: submission.contentType,
        });
        if (!format)
          throw new UnsupportedMediaTypeException('Unsupported file type: send .txt, .md, .html, .pdf or .docx.');
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
          if (format !== 'html') return { format, text };
        }
        // Only the file's base name is kept: no directories, no path tricks.
        const fileName =
          submission.fileName
            .split(/[\\/]/)
            .pop()!
            .replace(/[^\p{L}\p{N}._ -]/gu, '_')
            .slice(0, 255) || 'upload';
        return { format, bytes: submission.bytes, fileName, contentType: submission.contentType.slice(0, 255) };
      }
    }
  }

  /**
   * Stores the document (or finds the same content already stored), then enqueues its job. The row comes
   * first, so nothing is lost if Redis is down: the sweep enqueues it later.
   */
  async submit(
    submission: Submission,
    meta: DocumentMetadataDto,
    user: UserEntity,
    requestId: string,
  ): Promise<DocumentSubmissionDto> {
    if (meta.mediaStartSeconds !== undefined && !meta.mediaUrl)
      throw new FieldValidationException([
        { field: 'mediaStartSeconds', message: 'is a time in a recording: give mediaUrl' },
      ]);
    const content = await this.prepare(submission);
    const result = await this.documents.createDocument({
      content,
      ...given({ title: meta.title, outlet: meta.outlet, language: meta.language }),
      sourceUrl: sourceUrlOf(content, meta),
      publishedAt: meta.publishedAt ? new Date(meta.publishedAt) : null,
      provenance: {
        saidAt: meta.saidAt ? new Date(meta.saidAt) : null,
        venue: meta.venue ?? null,
        mediaUrl: meta.mediaUrl ?? null,
        mediaStartSeconds: meta.mediaStartSeconds ?? null,
        appearedIn: meta.appearedIn ?? null,
      },
      submittedBy: user,
      actorId: user.id,
      requestId,
    });
    if (!result.created) return { document: await this.summary(result.id), duplicate: true };
    await this.queue.enqueue(result.job);
    return { document: result.document, duplicate: false };
  }

  async summary(id: string): Promise<DocumentDto> {
    const document = await this.documents.view(id);
    if (!document) throw new NotFoundException('No such document.');
    return document;
  }

  async list(query: ListDocumentsQuery): Promise<CountedPage<DocumentDto>> {
    let before: { at: string; id: string } | undefined;
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor).split('|');
      if (!at || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new BadRequestException(INVALID_CURSOR);
      before = { at, id };
    }
    const limit = query.limit ?? 50;
    const filter = {
      status: query.status,
      submittedBy: query.submittedBy,
      pattern: query.q ? containsPattern(query.q) : undefined,
    };
    const [rows, total] = await Promise.all([
      withCursor(query.cursor, () => this.documents.list({ ...filter, before, limit: limit + 1 })),
      this.documents.count(filter),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ cursorAt: _, ...document }) => document),
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.cursorAt}|${last.id}`) : null,
      total,
    };
  }

  async detail(id: string): Promise<DocumentDetailDto> {
    const summary = await this.summary(id);
    const { text, claims } = (await this.documents.textAndClaims(id)) ?? { text: null, claims: [] };
    return {
      ...summary,
      text,
      claims: claims.map(toDocumentClaimDto),
    };
  }

  /** Sends a failed (or stuck) document through the pipeline again, as a new attempt. */
  async retry(id: string, user: UserEntity, requestId: string): Promise<DocumentDto> {
    const doc = await this.documents.retry(id, { actorId: user.id, requestId }, (d) => {
      const decision = decideDocumentTransition(d.status, 'retry');
      if (!decision.ok) throw new ConflictException(decision.message);
      return decision.to;
    });
    if (!doc) throw new NotFoundException('No such document.');
    await this.queue.enqueue(doc);
    return this.summary(id);
  }

  /** Deletes a document and its claims, unless one of them has been published (the record must stay). */
  async remove(id: string, user: UserEntity, requestId: string): Promise<void> {
    const removed = await this.documents.remove(id, { actorId: user.id, requestId }, (_doc, published) => {
      if (published)
        throw new ConflictException(
          `This document has ${published} published fact-check(s); retract them instead of deleting the document.`,
        );
    });
    if (!removed) throw new NotFoundException('No such document.');
  }
}
