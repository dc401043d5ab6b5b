import { Injectable, Logger } from '@nestjs/common';
import type { DocumentEntity } from '@factdesk/persistence';
import { documentJobId, hasTextFormat, QUEUE_NAMES } from '@factdesk/queue';
import { QueuesService } from '../queues/queues.service.js';

/** How long a request waits for Redis before leaving the document to the sweep. */
const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Puts documents on the worker's queues. The document row is always written first: if Redis is down the
 * request still succeeds, the document stays `queued`, and the worker's sweep enqueues it later.
 */
@Injectable()
export class DocumentQueue {
  private readonly logger = new Logger(DocumentQueue.name);

  constructor(private readonly queues: QueuesService) {}

  /**
   * True when the job is on the queue; false when Redis could not take it now (the sweep will).
   * Text goes straight to detection; files and URLs first to fetching and extraction.
   */
  async enqueue(doc: Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts' | 'format'>): Promise<boolean> {
    const jobId = documentJobId(doc.id, doc.contentHash, doc.attempts);
    const add = hasTextFormat(doc.format)
      ? this.queues.get(QUEUE_NAMES.documentDetect).add('detect', { documentId: doc.id }, { jobId })
      : this.queues.get(QUEUE_NAMES.documentFetch).add('fetch', { documentId: doc.id }, { jobId });
    try {
      await Promise.race([add, new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in time')), ENQUEUE_TIMEOUT_MS).unref())]);
      return true;
    } catch (err) {
      add.catch(() => undefined);
      this.logger.warn({ msg: 'document left for the sweep: could not enqueue', documentId: doc.id, err: (err as Error).message });
      return false;
    }
  }
}
