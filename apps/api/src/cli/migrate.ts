import 'reflect-metadata';
import { describeAddress, exitWithReason, loadConfigOrExit } from '@factdesk/config';
import { checkPostgres, ensureDatabase, runMigrations } from '@factdesk/persistence';

const NAME = 'factdesk-migrate';

/** Creates the configured database when missing, then runs pending migrations (a no-op when there are none). */
async function main() {
  const config = loadConfigOrExit(NAME);
  if (await ensureDatabase(config.databaseUrl)) process.stdout.write(`[factdesk] created database ${describeAddress(config.databaseUrl)}\n`);
  await checkPostgres(config.databaseUrl);
  const ran = await runMigrations(config.databaseUrl);
  process.stdout.write(`[factdesk] migrations: ${ran.length ? `ran ${ran.join(', ')}` : 'up to date'}\n`);
}

main().catch((err) => exitWithReason(NAME, err));
