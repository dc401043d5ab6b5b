// `npm run migrate`: builds what the migration command needs, then creates and migrates the database.
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('npx', ['tsc', '-b', 'apps/api']);
run('node', ['apps/api/dist/cli/migrate.js']);
