import { basename } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { ClaimDetectorPool } from '@factdesk/claim-detection';
import { linkClaimMatches } from '@factdesk/claim-matching';
import {
  claimTextKey,
  decideDocumentTransition,
  DOCUMENT_TRANSITIONS,
  failureKind,
  isQuestioner,
  textFingerprint,
  versionOf,
  type DocumentEvent,
  type FailureCause,
} from '@factdesk/domain';
import { extractDocument, ExtractionLimitError, UnreadableDocumentError } from '@factdesk/extraction';
import { OutboundRequestError, safeFetch } from '@factdesk/net';
import {
  ClaimMatchesRepository,
  compactSentences,
  DocumentsRepository,
  findOrCreateSpeakers,
  recordDocumentSpeakers,
  SourcesRepository,
  type DocumentEntity,
  type DocumentPatch,
  type DocumentVersioning,
} from '@factdesk/persistence';
import { UnrecoverableError } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';
import { EventsPublisher } from './events.publisher.js';
import { RepeatsService } from './repeats.service.js';

/** Claims linked per job: a few seconds of work with the trained matcher (about 30 ms a claim). */
export const LINK_CHUNK = 100;

/** What the failure rules need to know about an error. */
function causeOf(err: unknown): FailureCause {
  if (err instanceof ExtractionLimitError) return { kind: 'over_limit' };
  if (err instanceof UnreadableDocumentError) return { kind: 'unreadable' };
  if (err instanceof OutboundRequestError) {
    if (err.code === 'http_status') return { kind: 'http_status', status: err.status ?? 500 };
    if (err.code === 'too_large') return { kind: 'over_limit' };
    return { kind: 'outbound', code: err.code };
  }
  return { kind: 'unexpected' };
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
export class DocumentPipeline implements OnApplicationShutdown {
  private readonly logger = new Logger(DocumentPipeline.name);
  /** Detection off the event loop, on as many threads as detection jobs may run at once. */
  private readonly detector: ClaimDetectorPool;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly matches: ClaimMatchesRepository,
    private readonly sources: SourcesRepository,
    @InjectWorkerConfig() private readonly config: AppConfig,
    private readonly events: EventsPublisher,
    private readonly repeats: RepeatsService,
  ) {
    this.detector = new ClaimDetectorPool(config.worker.detectConcurrency);
    // The threads load the model and the sentence encoder as the worker starts, not with its first document.
    this.detector.warm();
  }

  /** After the last job (the JobRunner closes before any onApplicationShutdown): stops the detection threads. */
  onApplicationShutdown(): Promise<void> {
    return this.detector.close();
  }

  /** Moves the document as the lifecycle allows (false, and nothing written, when it does not: done, failed, retried). */
  private async move(id: string, event: DocumentEvent, progress: number, extra: DocumentPatch = {}): Promise<boolean> {
    if (!(await this.documents.move(id, event, progress, extra))) return false;
    const status = DOCUMENT_TRANSITIONS[event].to;
    this.events.publish({
      type: 'document',
      documentId: id,
      status,
      progress,
      error: extra.error ?? null,
      title: extra.title,
    });
    return true;
  }

  /** Step 1 (I/O): fetch a URL or read an uploaded file, and extract its readable text. Returns the document, or null when it is gone. */
  async fetchAndExtract(documentId: string): Promise<Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts'> | null> {
    const doc = await this.documents.forExtraction(documentId);
    // Gone, or done or failed since the job was queued: nothing to do.
    if (!doc || !(await this.move(doc.id, 'fetch', 10))) return null;
    try {
      let extracted;
      if (doc.format === 'url') {
        const response = await safeFetch(doc.sourceUrl!, {
          ...this.config.outbound,
          timeoutMs: this.config.outbound.timeoutMs,
          maxBytes: this.config.documentMaxBytes,
          headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
        });
        if (response.status >= 400)
          throw new OutboundRequestError('http_status', `The address answered ${response.status}.`, response.status);
        await this.move(doc.id, 'fetch', 25);
        extracted = await extractDocument(
          response.body,
          {
            contentType: String(response.headers['content-type'] ?? ''),
            fileName: basename(new URL(response.url).pathname),
          },
          this.config.extraction,
        );
      } else {
        if (!doc.raw) throw new UnreadableDocumentError('The uploaded file is missing; submit it again.');
        extracted = await extractDocument(
          doc.raw,
          { fileName: doc.rawFileName ?? undefined, contentType: doc.rawContentType ?? undefined },
          this.config.extraction,
        );
      }
      const extractedOk = await this.move(doc.id, 'extracted', 40, {
        originalText: extracted.text,
        error: null,
        // What the page says about itself fills only what the person left empty.
        title: doc.title ?? extracted.title ?? null,
        outlet: doc.outlet ?? extracted.outlet ?? null,
        publishedAt: doc.publishedAt ?? (extracted.publishedAt ? new Date(extracted.publishedAt) : null),
        language: doc.language !== 'en' ? doc.language : (extracted.language?.slice(0, 35) ?? doc.language),
      });
      return extractedOk ? doc : null;
    } catch (err) {
      if (failureKind(causeOf(err)) === 'permanent') throw new UnrecoverableError(describeFailure(err));
      throw err;
    }
  }

  /**
   * Step 2 (CPU): find the claims and their speakers and write them, with every sentence's score, in one statement; the document is
   * `done` when its claims are written. Returns what the linking job needs, or null when the document is gone.
   */
  async detect(documentId: string): Promise<Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts'> | null> {
    // Reading the document and saying it is being worked on: one round trip.
    const doc = await this.documents.startDetection(documentId);
    if (!doc) {
      // Gone, or done or failed since the job was queued: nothing to do; otherwise its text is still to come.
      const status = await this.documents.status(documentId);
      if (status && decideDocumentTransition(status, 'detect').ok) throw new Error('the document has no text yet');
      return null;
    }
    this.events.publish({ type: 'document', documentId: doc.id, status: 'detecting', progress: 60, error: null });
    // A monitored source's documents are, unless they say otherwise, its default speaker's words.
    const defaultSpeaker = doc.monitoredSourceId
      ? ((await this.sources.find(doc.monitoredSourceId))?.defaultSpeaker?.name ?? undefined)
      : undefined;
    const started = performance.now();
    const result = await this.detector.detect(doc.originalText!, {
      threshold: this.config.worker.claimThreshold,
      outlet: doc.outlet ?? undefined,
      defaultSpeaker,
    });
    const detected = performance.now();
    const claims = result.sentences.filter((s) => s.checkworthy);
    // A date said given at intake first; then the publication date; then one found in the text's first lines.
    const saidAt =
      doc.saidAt ?? doc.publishedAt ?? (result.metadata.date ? new Date(`${result.metadata.date}T00:00:00Z`) : null);
    const title = doc.title ?? result.metadata.title ?? null;

    // A document's speakers in one lookup; then its claims and its `done` in one statement (atomic, one round
    // trip: on this kind of machine each round trip costs more than the SQL it carries).
    const named = new Set(claims.map((c) => c.speaker).filter((s): s is string => !!s && !isQuestioner(s)));
    const speakers = await findOrCreateSpeakers(
      this.db.manager,
      result.speakers.filter((s) => named.has(s.name)),
    );
    // Each speaker's part here (moderator, candidate…), so asking lines can stay out of triage.
    await recordDocumentSpeakers(
      this.db.manager,
      doc.id,
      result.speakers.flatMap((s) => {
        const speaker = speakers.get(s.name);
        return speaker ? [{ speakerId: speaker.id, role: s.role ?? null }] : [];
      }),
    );
    const versioning = await this.versioning(doc.id, doc.originalText!);
    // The earlier version's claims, by their words: the same claim here joins that claim's cluster.
    const heads = versioning?.versionOfId
      ? new Map(
          (await this.documents.clusterHeads(versioning.versionOfId)).map((h) => [claimTextKey(h.text), h.headId]),
        )
      : null;
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
      duplicate_of_id: heads?.get(claimTextKey(c.text)) ?? null,
    }));
    // Every sentence's score, compactly, in the same statement: the document page's near misses and threshold.
    const { inserted, finished } = await this.documents.finishDetection(doc.id, {
      saidAt,
      title,
      outlet: doc.outlet ?? result.metadata.outlet ?? null,
      claims: rows,
      sentences: { threshold: result.threshold, all: compactSentences(result.sentences) },
      versioning,
    });

    const written = performance.now();
    // Not finished: a person retried it meanwhile, and the new attempt finishes it.
    if (!finished) return null;
    this.events.publish(
      { type: 'document', documentId: doc.id, status: 'done', progress: 100, error: null, title },
      { type: 'claims', documentId: doc.id, count: inserted, checkworthy: claims.length },
    );
    const timings = { detectMs: Math.round(detected - started), writeMs: Math.round(written - detected) };
    // Per-document steps are debug lines, like request logs: a person's terminal keeps the banner last.
    this.logger.debug({
      msg: 'document processed',
      documentId: doc.id,
      sentences: result.sentences.length,
      claims: claims.length,
      inserted,
      versionOf: versioning?.versionOfId ?? undefined,
      ...timings,
    });
    return doc;
  }

  /** The text's fingerprint, and the earlier document it is a version of (nearly the same words), if any. */
  private async versioning(id: string, text: string): Promise<DocumentVersioning | null> {
    const fingerprint = textFingerprint(text);
    if (!fingerprint) return null;
    const candidates = await this.documents.versionCandidates(id, fingerprint.bands);
    return { ...fingerprint, versionOfId: versionOf(fingerprint.signature, candidates)?.document.id ?? null };
  }

  /**
   * Step 3, after `done`: links the document's claims to near-duplicates in other documents and to published
   * fact-checks of the same claim, LINK_CHUNK claims at a time (by id, after `after`), so a long document's
   * linking is many short jobs that a shutdown can wait for. Idempotent (existing links are left alone), so it
   * may run again after a retry, a second detection of the same document, or a worker that died mid-job.
   * Returns the links made and where the next chunk starts (null when this was the last).
   */
  async link(
    documentId: string,
    after: string | null = null,
    chunk = LINK_CHUNK,
  ): Promise<{ linked: number; next: string | null }> {
    const started = performance.now();
    const claims = await this.documents.claimIds(documentId, after, chunk);
    const { inserted: linked, links } = await linkClaimMatches(this.matches, claims);
    // Repeats of claims already stored or checked: joined to their cluster, or told to the editors.
    const { joined, alerted } = await this.repeats.settle(links);
    // New links change what the claims show ("checked before"): the same event as new claims makes screens fetch them again.
    if (linked || joined)
      this.events.publish({ type: 'claims', documentId, count: claims.length, checkworthy: claims.length });
    this.logger.debug({
      msg: 'claims linked',
      documentId,
      claims: claims.length,
      linked,
      joined,
      alerted,
      linkMs: Math.round(performance.now() - started),
    });
    return { linked, next: claims.length === chunk ? claims[claims.length - 1] : null };
  }

  /** After the last attempt (or a failure no attempt can fix): the reason is kept for people to read. */
  async markFailed(documentId: string, reason: string): Promise<void> {
    await this.move(documentId, 'fail', 0, { error: reason.slice(0, 2000) });
  }

  /** Between attempts: the document keeps its place, and says what went wrong. */
  async noteRetry(documentId: string, attempt: number, reason: string): Promise<void> {
    await this.documents.noteRetry(documentId, `Attempt ${attempt} failed (${reason.slice(0, 500)}); retrying.`);
  }
}
