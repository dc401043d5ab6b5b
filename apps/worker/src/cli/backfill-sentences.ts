import 'reflect-metadata';
import { loadConfigOrExit } from '@factdesk/config';
import { detectClaims } from '@factdesk/claim-detection';
import { checkPostgres, compactSentences, createDataSource, DocumentSentencesRepository } from '@factdesk/persistence';

const NAME = 'factdesk-backfill-sentences';
const BATCH = 20;

/**
 * Scores every sentence of the documents processed before sentences were kept (done, no stored sentences), so
 * their pages show near misses and a threshold. Their claims are left as they are: a claim stays a claim, and a
 * sentence the current model scores differently is shown with its score now. Safe to run again or while the
 * worker runs (a document detected meanwhile keeps its own row). One document at a time, on this process.
 */
async function main() {
  const config = loadConfigOrExit(NAME);
  await checkPostgres(config.databaseUrl);
  const db = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 1, applicationName: NAME });
  await db.initialize();
  const sentences = new DocumentSentencesRepository(db);
  let done = 0;
  try {
    for (let after: string | null = null; ;) {
      const batch = await sentences.withoutSentences(after, BATCH);
      if (!batch.length) break;
      for (const doc of batch) {
        const result = await detectClaims(doc.text, { threshold: config.worker.claimThreshold });
        if (await sentences.backfill(doc.id, result.threshold, compactSentences(result.sentences))) done++;
      }
      after = batch[batch.length - 1]!.id;
    }
    process.stdout.write(`[factdesk] stored the sentences of ${done} document(s)\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`[factdesk] backfill failed: ${(err as Error).message}\n`);
  process.exit(1);
});
