import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { pino } from 'pino';
import { PinoNestLogger } from '@factdesk/config';
import { ClaimEntity, DocumentEntity } from '@factdesk/persistence';
import { documentJobFor, JobQueue } from '@factdesk/queue';
import {
  eventually,
  factories,
  startTestService,
  type DocumentContent,
  type Factories,
  type StartOptions,
  type TestProcess,
} from '@factdesk/testing';
import { WorkerModule } from '../src/worker.module.js';

/** A document as the worker left it, with its claims in text order (the shape of the API's document detail). */
export interface SettledDocument extends DocumentEntity {
  text: string | null;
  claims: { id: string; text: string; start: number; end: number; speaker: { name: string } | null }[];
}

/** The real worker (libs/testing's service harness) and the ways work reaches it: rows and jobs. */
export interface WorkerHarness extends TestProcess<INestApplicationContext> {
  data: Factories;
  /** The queues of this worker's Redis prefix, as the API and scripts reach them (closed with the harness). */
  jobs: JobQueue;
  /** Stores a document and queues its first job, as a submission does. */
  submit(content: DocumentContent, overrides?: Partial<DocumentEntity>): Promise<DocumentEntity>;
  /** Queues a stored document's job: fetching first unless the text is already there. */
  enqueue(doc: Pick<DocumentEntity, 'id' | 'contentHash' | 'attempts' | 'format'>): Promise<void>;
  /** Waits for the document to leave the pipeline (done or failed). */
  settled(id: string, timeout?: number): Promise<SettledDocument>;
}

/** The worker on a database and Redis prefix of the test file's own (or `options.environment`'s). */
export async function startWorker(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<WorkerHarness> {
  const worker = await startTestService(
    (config) =>
      NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        logger: new PinoNestLogger(pino({ level: config.logLevel })),
      }),
    // The sweep runs when a test says so, not on a timer.
    { ...options, env: { SWEEP_INTERVAL_SECONDS: '3600', ...env } },
  );
  const data = factories(worker.db);
  const jobs = new JobQueue({
    redisUrl: worker.config.redisUrl,
    prefix: worker.config.redisPrefix,
    connection: 'producer',
  });
  const harness: WorkerHarness = {
    ...worker,
    data,
    jobs,
    async enqueue(doc) {
      await jobs.add(documentJobFor(doc));
    },
    async submit(content, overrides) {
      const doc = await data.document(content, overrides);
      await harness.enqueue(doc);
      return doc;
    },
    async settled(id, timeout = 20_000) {
      const repo = worker.db.getRepository(DocumentEntity);
      let last: DocumentEntity | undefined;
      const doc = await eventually(
        async () => {
          last = await repo.findOneByOrFail({ id });
          return last.status === 'done' || last.status === 'failed' ? last : null;
        },
        { timeout, message: () => `document ${id} (still ${last?.status}, ${last?.error}) to leave the pipeline` },
      );
      const claims = await worker.db
        .getRepository(ClaimEntity)
        .find({ where: { documentId: id }, relations: { speaker: true }, order: { startOffset: 'ASC' } });
      return Object.assign(doc, {
        text: doc.originalText,
        claims: claims.map((c) => ({
          id: c.id,
          text: c.text,
          start: c.startOffset!,
          end: c.endOffset!,
          speaker: c.speaker ? { name: c.speaker.name } : null,
        })),
      });
    },
    async close() {
      await jobs.close();
      await worker.close();
    },
  };
  return harness;
}
