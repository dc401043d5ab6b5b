// `npm run backfill:sentences`: scores every sentence of documents processed before sentences were kept, so their
// pages show near misses and a threshold (their claims are left as they are).
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('npx', ['tsc', '-b', 'apps/worker']);
run('node', ['apps/worker/dist/cli/backfill-sentences.js', ...process.argv.slice(2)]);
