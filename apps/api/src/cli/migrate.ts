import 'reflect-metadata';
import { describeAddress, exitWithReason, loadConfigOrExit } from '@factdesk/config';
import { checkPostgres, ensureDatabase, revertLastMigration, runMigrations } from '@factdesk/persistence';

const NAME = 'factdesk-migrate';

/**
 * Creates the configured database when missing, then runs pending migrations (a no-op when there are none).
 * `--revert` undoes the most recent migration instead, for stepping back a release.
 */
async function main() {
  const config = loadConfigOrExit(NAME);
  if (process.argv.includes('--revert')) {
    await checkPostgres(config.databaseUrl);
    const reverted = await revertLastMigration(config.databaseUrl);
    process.stdout.write(`[factdesk] migrations: ${reverted ? `reverted ${reverted}` : 'none to revert'}\n`);
    return;
  }
  if (await ensureDatabase(config.databaseUrl))
    process.stdout.write(`[factdesk] created database ${describeAddress(config.databaseUrl)}\n`);
  await checkPostgres(config.databaseUrl);
  const ran = await runMigrations(config.databaseUrl);
  process.stdout.write(`[factdesk] migrations: ${ran.length ? `ran ${ran.join(', ')}` : 'up to date'}\n`);
}

main().catch((err) => exitWithReason(NAME, err));
