import { createHash } from 'node:crypto';
import type { DocumentDto, DocumentFormat, DocumentStatus } from '@factdesk/domain';
import type { DocumentEntity } from '../entities/index.js';

// The documents aggregate's types and row mapping; the repository that writes them is documents.repository.ts.

/** What a document is made of when it arrives: its text, the address to fetch, or a file to extract. */
export type DocumentContent =
  | { format: 'text' | 'markdown'; text: string }
  | { format: 'url'; url: string }
  | {
      format: Exclude<DocumentFormat, 'text' | 'markdown' | 'url'>;
      bytes: Buffer;
      fileName: string;
      contentType: string;
    };

/** Every way a document arrives (API paste, upload and URL; a monitored source's item) goes through createDocument. */
export interface NewDocument {
  content: DocumentContent;
  title?: string | null;
  outlet?: string | null;
  language?: string;
  /** Where the document was published; for a URL document, the fetched address unless given. */
  sourceUrl?: string | null;
  publishedAt?: Date | null;
  /** Provenance taken at intake (the original's URL is sourceUrl): its claims inherit it. */
  provenance?: {
    saidAt: Date | null;
    venue: string | null;
    mediaUrl: string | null;
    mediaStartSeconds: number | null;
    appearedIn: string | null;
  };
  /** The person who submitted it (their name goes into the answer); none for a source's item. */
  submittedBy?: { id: string; name: string } | null;
  monitoredSourceId?: string | null;
  /** Who did it, for the audit event: null for the system (a source poll). */
  actorId: string | null;
  requestId?: string | null;
}

/** A document as the API shows it: its row, who submitted it and how many claims it has. */
export type DocumentView = DocumentDto;

/** A new document with what its job needs (enqueue it after the commit), or the id of the same content stored before. */
export type CreatedDocument =
  | { created: true; document: DocumentView; job: Pick<DocumentEntity, 'id' | 'format' | 'contentHash' | 'attempts'> }
  | { created: false; id: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The one content-hash formula (the same document ingested twice is one document): the text, the file's
 * bytes, or for a URL before it is fetched the address itself, marked so it never equals a text's hash.
 */
export function documentContentHash(content: DocumentContent): string {
  if (content.format === 'url') return sha256(`url:${content.url}`);
  if ('bytes' in content) return sha256(content.bytes);
  return sha256(content.text);
}

export interface DocumentRow {
  id: string;
  title: string | null;
  outlet: string | null;
  source_url: string | null;
  published_at: Date | null;
  said_at: Date | null;
  venue: string | null;
  media_url: string | null;
  media_start_seconds: number | null;
  appeared_in: string | null;
  language: string;
  format: DocumentFormat;
  status: DocumentStatus;
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
  version_of_id: string | null;
  version_of_title: string | null;
}

export const DOCUMENT_SELECT = `
  SELECT d.id, d.title, d.outlet, d.source_url, d.published_at, d.said_at, d.venue, d.media_url,
         d.media_start_seconds, d.appeared_in, d.language, d.format, d.status, d.progress, d.error, d.attempts,
         d.submitted_by_id, u.name AS submitted_by_name, d.created_at, d.updated_at, d.completed_at,
         (SELECT count(*)::int FROM claims c WHERE c.document_id = d.id) AS claim_count,
         (SELECT count(*)::int FROM claims c WHERE c.document_id = d.id AND c.checkworthy) AS checkworthy_count,
         d.version_of_id, v.title AS version_of_title
  FROM documents d LEFT JOIN users u ON u.id = d.submitted_by_id LEFT JOIN documents v ON v.id = d.version_of_id`;

export function toDocumentView(r: DocumentRow): DocumentView {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    sourceUrl: r.source_url,
    publishedAt: r.published_at?.toISOString() ?? null,
    saidAt: r.said_at?.toISOString() ?? null,
    venue: r.venue,
    mediaUrl: r.media_url,
    mediaStartSeconds: r.media_start_seconds,
    appearedIn: r.appeared_in,
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
    versionOf: r.version_of_id ? { id: r.version_of_id, title: r.version_of_title } : null,
  };
}

export interface DocumentListFilter {
  status?: DocumentStatus;
  submittedBy?: string;
  /** Matches title or outlet, as an ILIKE pattern the caller built. */
  pattern?: string;
  /** Keyset position: strictly older than this (created_at, id). */
  before?: { at: string; id: string };
  limit: number;
}

/** Columns the pipeline fills in as it goes. */
export type DocumentPatch = Partial<
  Pick<DocumentEntity, 'originalText' | 'error' | 'title' | 'outlet' | 'publishedAt' | 'language'>
>;

/** What claim detection reads of a document. */
export type DetectionInput = Pick<
  DocumentEntity,
  | 'id'
  | 'contentHash'
  | 'attempts'
  | 'originalText'
  | 'title'
  | 'outlet'
  | 'publishedAt'
  | 'saidAt'
  | 'monitoredSourceId'
>;

/** A detected claim as the claims table stores it (snake_case: the statement reads it with jsonb_to_recordset). */
export interface DetectedClaimRow {
  text: string;
  start_offset: number;
  end_offset: number;
  speaker_id: string | null;
  score: number;
  checkworthy: boolean;
  reasons: unknown;
  claim_type: string;
  entities: unknown;
  /** Set when the claim is already in the document this one is a version of: it joins that claim's cluster. */
  duplicate_of_id?: string | null;
}

/** A document's text fingerprint and the earlier document it is a version of (libs/domain repeats.ts). */
export interface DocumentVersioning {
  signature: number[];
  bands: number[];
  versionOfId: string | null;
}

/** What a job needs to be enqueued for a document. */
export type DocumentJobRef = Pick<DocumentEntity, 'id' | 'status' | 'format' | 'contentHash' | 'attempts'>;
