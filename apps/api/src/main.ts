import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger, exitCleanlyOnSignals, exitWithReason, loadConfigOrExit } from '@factdesk/config';
import { checkPostgres } from '@factdesk/persistence';
import { checkRedis } from '@factdesk/queue';
import { createApp } from './app.factory.js';

const NAME = 'factdesk-api';

async function main() {
  const config = loadConfigOrExit(NAME);
  await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redisUrl)]).catch((err) =>
    exitWithReason(NAME, err),
  );
  const logger = createLogger(NAME, config.logLevel, config.logFormat);
  const app = await createApp(config, logger);
  if (await app.get(DataSource).showMigrations()) {
    exitWithReason(NAME, new Error('the database has migrations that have not run: run `npm run migrate` first'));
  }
  // Closing stops accepting connections and waits for in-flight requests.
  exitCleanlyOnSignals(
    NAME,
    (m) => logger.info(m),
    () => app.close(),
  );
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: `http://${config.host}:${config.port}` }, 'api listening');
}

main().catch((err) => exitWithReason(NAME, err));
