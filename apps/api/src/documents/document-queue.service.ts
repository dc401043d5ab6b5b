import { Injectable } from '@nestjs/common';
import type { DocumentEntity } from '@factdesk/persistence';
import { documentJobFor, JobQueue } from '@factdesk/queue';

/**
 * Puts documents on the worker's queues. The document row is always written first: if Redis is down the
 * request still succeeds, the document stays `queued`, and the worker's sweep enqueues it later.
 */
@Injectable()
export class DocumentQueue {
  constructor(private readonly jobs: JobQueue) {}

  /**
   * For a document just (re)queued: true when its job is on the queue; false when Redis could not take it
   * now (the sweep will).
   */
  enqueue(doc: Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts' | 'format'>): Promise<boolean> {
    return this.jobs.offer(documentJobFor({ ...doc, status: 'queued' }));
  }
}
