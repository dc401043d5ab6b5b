// Creates the configured database when missing and runs pending migrations (a no-op when there are none).
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run('npx', ['tsc', '-b', 'libs/persistence']);
const { exitWithReason, loadConfigOrExit, describeAddress } = await import('@factdesk/config');
const { ensureDatabase, runMigrations, checkPostgres } = await import('@factdesk/persistence');

const NAME = 'factdesk-migrate';
const config = loadConfigOrExit(NAME);
try {
  if (await ensureDatabase(config.databaseUrl)) console.log(`[factdesk] created database ${describeAddress(config.databaseUrl)}`);
  await checkPostgres(config.databaseUrl);
  const ran = await runMigrations(config.databaseUrl);
  console.log(`[factdesk] migrations: ${ran.length ? `ran ${ran.join(', ')}` : 'up to date'}`);
} catch (err) {
  exitWithReason(NAME, err);
}
