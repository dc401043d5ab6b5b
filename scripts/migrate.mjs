// `npm run migrate [-- --revert]`: builds what the migration command needs, then creates and migrates the database
// (or undoes the most recent migration).
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('npx', ['tsc', '-b', 'apps/api']);
run('node', ['apps/api/dist/cli/migrate.js', ...process.argv.slice(2)]);
