import 'reflect-metadata';
import { exitWithReason, loadConfigOrExit } from '@factdesk/config';
import { checkPostgres, createDataSource } from '@factdesk/persistence';
import { seedDefaults } from '../seed/defaults.js';

const NAME = 'factdesk-seed';

async function main() {
  const config = loadConfigOrExit(NAME);
  await checkPostgres(config.databaseUrl);
  const db = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 1, applicationName: NAME });
  await db.initialize();
  try {
    const demoUsers = config.nodeEnv !== 'production';
    const result = await seedDefaults(db, { demoPassword: config.demoPassword, demoUsers });
    process.stdout.write(
      `${JSON.stringify({ ...result, demoPassword: demoUsers ? config.demoPassword : undefined })}\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err) => exitWithReason(NAME, err));
