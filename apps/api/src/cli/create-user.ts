import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@factdesk/config';
import { isRole } from '@factdesk/domain';
import { AccountsRepository, checkPostgres, createDataSource } from '@factdesk/persistence';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

const NAME = 'factdesk-create-user';
const USAGE =
  'usage: FACTDESK_PASSWORD=… node apps/api/dist/cli/create-user.js --email you@newsroom.org --name "Your Name" [--role admin|editor|reviewer]';

/** Creates a staff account from the command line: how a production install gets its first admin. */
async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  const password = process.env.FACTDESK_PASSWORD ?? '';
  if (!values.email || !values.name || !isRole(values.role)) throw new Error(USAGE);
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`FACTDESK_PASSWORD must hold the password, at least ${MIN_PASSWORD_LENGTH} characters. ${USAGE}`);
  const config = loadConfigOrExit(NAME);
  await checkPostgres(config.databaseUrl);
  const db = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 1, applicationName: NAME });
  await db.initialize();
  try {
    const accounts = new AccountsRepository(db);
    const email = values.email.trim().toLowerCase();
    if (await accounts.findUserByEmail(email)) throw new Error(`a user with the email ${email} already exists`);
    // Audited like an admin's change, with no actor: the system did it.
    const user = await accounts.createUser(
      { email, name: values.name.trim(), role: values.role, passwordHash: await hashPassword(password) },
      { actorId: null, requestId: NAME, describe: (u) => ({ email: u.email, name: u.name, role: u.role }) },
    );
    process.stdout.write(`[factdesk] created ${user.role} ${user.email}\n`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${NAME}: ${(err as Error).message}\n`);
  process.exit(1);
});
