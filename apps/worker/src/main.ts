import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createLogger, exitCleanlyOnSignals, exitWithReason, loadConfigOrExit, PinoNestLogger } from '@factdesk/config';
import { checkPostgres } from '@factdesk/persistence';
import { checkRedis } from '@factdesk/queue';
import { WorkerModule } from './worker.module.js';

const NAME = 'factdesk-worker';

async function main() {
  const config = loadConfigOrExit(NAME);
  await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redisUrl)]).catch((err) =>
    exitWithReason(NAME, err),
  );
  const logger = createLogger(NAME, config.logLevel, config.logFormat);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  });
  if (await app.get(DataSource).showMigrations()) {
    exitWithReason(NAME, new Error('the database has migrations that have not run: run `npm run migrate` first'));
  }
  // Closing the context closes the BullMQ workers, which let their running jobs finish first.
  exitCleanlyOnSignals(
    NAME,
    (m) => logger.info(m),
    () => app.close(),
  );
  logger.info({ pid: process.pid }, 'worker ready');
}

main().catch((err) => exitWithReason(NAME, err));
