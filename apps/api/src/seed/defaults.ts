import type { DataSource } from 'typeorm';
import { DEFAULT_RATING_SCALE, type Role } from '@factdesk/domain';
import { AccountsRepository, RatingsRepository } from '@factdesk/persistence';
import { hashPassword } from '../auth/passwords.js';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.factdesk', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@demo.factdesk', name: 'Eddie Editor', role: 'editor' },
  { email: 'reviewer@demo.factdesk', name: 'Rita Reviewer', role: 'reviewer' },
];

export interface SeedResult {
  ratingsCreated: number;
  demoUsers: { email: string; role: Role; created: boolean }[];
}

/**
 * Idempotent: the rating scale is written only when the newsroom has none (admins edit it afterwards),
 * and demo users only when missing, never outside development and test.
 */
export async function seedDefaults(
  db: DataSource,
  options: { demoPassword: string; demoUsers: boolean },
): Promise<SeedResult> {
  const ratings = new RatingsRepository(db);
  const accounts = new AccountsRepository(db);
  return db.transaction(async (m) => {
    const ratingsCreated = await ratings.seedIfEmpty(m, DEFAULT_RATING_SCALE);
    const demoUsers: SeedResult['demoUsers'] = [];
    if (options.demoUsers) {
      const passwordHash = await hashPassword(options.demoPassword);
      for (const u of DEMO_USERS)
        demoUsers.push({
          email: u.email,
          role: u.role,
          // An existing account keeps its password.
          created: await accounts.createUserIfMissing(m, { ...u, passwordHash }),
        });
    }
    return { ratingsCreated, demoUsers };
  });
}
