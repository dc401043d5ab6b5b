import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@factdesk/config';
import { isRole } from '@factdesk/domain';
import { checkPostgres, createDataSource, UserEntity } from '@factdesk/persistence';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

const NAME = 'factdesk-create-user';
const USAGE = 'usage: FACTDESK_PASSWORD=… node apps/api/dist/cli/create-user.js --email you@newsroom.org --name "Your Name" [--role admin|editor|reviewer]';

/** Creates a staff account from the command line: how a production install gets its first admin. */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
  const password = process.env.FACTDESK_PASSWORD ?? '';
  if (!values.email || !values.name || !isRole(values.role)) throw new Error(USAGE);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`FACTDESK_PASSWORD must hold the password, at least ${MIN_PASSWORD_LENGTH} characters. ${USAGE}`);
  const config = loadConfigOrExit(NAME);
  await checkPostgres(config.databaseUrl);
  const db = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 1, applicationName: NAME });
  await db.initialize();
  try {
    const users = db.getRepository(UserEntity);
    const email = values.email.trim().toLowerCase();
    if (await users.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) throw new Error(`a user with the email ${email} already exists`);
    const user = await users.save(users.create({ email, name: values.name.trim(), role: values.role, passwordHash: await hashPassword(password) }));
    process.stdout.write(`[factdesk] created ${user.role} ${user.email}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${NAME}: ${(err as Error).message}\n`);
  process.exit(1);
});
