import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@factdesk/migrations';
import { ENTITIES } from './entities/index.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

export interface DataSourceSettings {
  databaseUrl: string;
  poolSize?: number;
  /** application_name in pg_stat_activity, so operators can tell api, worker and scripts apart. */
  applicationName?: string;
  logging?: boolean;
  /** Server settings for every connection of the pool, sent once when it connects (e.g. planner settings). */
  sessionSettings?: Record<string, string | number>;
}

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: s.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Under Jest (which sets NODE_ENV=test) failed queries are the tests' own doing: TypeORM's console
    // logger would print each between the results. The apps report failures through their own loggers.
    logging: s.logging ? ['error', 'warn', 'migration'] : process.env.NODE_ENV === 'test' ? false : ['error'],
    applicationName: s.applicationName ?? 'factdesk',
    poolSize: s.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 5000,
      ...(s.sessionSettings && {
        options: Object.entries(s.sessionSettings)
          .map(([k, v]) => `-c ${k}=${v}`)
          .join(' '),
      }),
    },
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
