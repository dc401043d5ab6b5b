#!/usr/bin/env node
/**
 * Embed CheckThat! 2024 train and dev with the sentence encoder into the cache train:claims reads
 * (`--embeddings-cache`, default /tmp/factdesk-emb), so a training run does not wait for it.
 *   node libs/claim-detection/dist/cli/embed-cache.js --data ../shared/data [--embeddings-cache /tmp/factdesk-emb]
 */
import { loadDev, loadTrain, parseArgs, requireData } from '../train/data.js';
import { cachedEmbeddings } from '../train/embeddings.js';

const args = parseArgs(process.argv.slice(2));
const root = requireData(args.data);
const dir = args['embeddings-cache'] ?? '/tmp/factdesk-emb';
const log = (s: string) => process.stderr.write(s + '\n');
await cachedEmbeddings(
  loadDev(root).map((e) => e.text),
  dir,
  'dev',
  log,
);
await cachedEmbeddings(
  loadTrain(root).map((e) => e.text),
  dir,
  'train',
  log,
);
