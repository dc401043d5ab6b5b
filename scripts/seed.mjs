// `npm run seed`: the default rating scale and (outside production) the demo users; idempotent.
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('npx', ['tsc', '-b', 'apps/api']);
run('node', ['apps/api/dist/cli/seed.js']);
