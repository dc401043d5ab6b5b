// Writes a migration with the SQL that brings the schema in line with the entities
// (what `typeorm migration:generate` does), computed against a scratch database.
// Usage: npm run migration:generate -- AddSomething
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureInstalled, fail, log, root } from './lib.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) fail('usage: npm run migration:generate -- PascalCaseName');

ensureInstalled();
if (!process.env.SKIP_BUILD) build();
const { loadConfig } = await import('@factdesk/config');
const { databaseUrlWithName, dropDatabase, ensureDatabase, pendingSchemaChanges, runMigrations } =
  await import('@factdesk/persistence');

const scratch = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_migration_scratch');
await dropDatabase(scratch);
await ensureDatabase(scratch);
try {
  await runMigrations(scratch);
  const { up, down } = await pendingSchemaChanges(scratch);
  if (up.length === 0) {
    log('the entities and the migrations agree: nothing to generate');
    process.exit(0);
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const literal = (sql) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const q = ({ query, parameters }) =>
    `    await queryRunner.query(${literal(query)}${parameters ? `, ${JSON.stringify(parameters)}` : ''});`;
  const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
  const fileName = `${timestamp}-${name}`;
  writeFileSync(join(root, 'migrations/src', `${fileName}.ts`), file);
  const indexPath = join(root, 'migrations/src/index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/^(import type .*\n)/m, `$1import { ${className} } from './${fileName}.js';\n`)
    .replace(/\];\s*$/, `  ${className},\n];\n`);
  writeFileSync(indexPath, index);
  log(
    `wrote migrations/src/${fileName}.ts (${up.length} statements); review it, add what TypeORM cannot express, and commit`,
  );
} finally {
  await dropDatabase(scratch);
}
