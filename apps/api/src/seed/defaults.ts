import type { DataSource } from 'typeorm';
import { DEFAULT_RATING_SCALE, type Role } from '@factdesk/domain';
import { RatingEntity, UserEntity } from '@factdesk/persistence';
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
export async function seedDefaults(db: DataSource, options: { demoPassword: string; demoUsers: boolean }): Promise<SeedResult> {
  return db.transaction(async (m) => {
    const ratings = m.getRepository(RatingEntity);
    let ratingsCreated = 0;
    if ((await ratings.count()) === 0) {
      await ratings.insert(DEFAULT_RATING_SCALE.map((r, position) => ratings.create({ ...r, position })));
      ratingsCreated = DEFAULT_RATING_SCALE.length;
    }
    const demoUsers: SeedResult['demoUsers'] = [];
    if (options.demoUsers) {
      const users = m.getRepository(UserEntity);
      const passwordHash = await hashPassword(options.demoPassword);
      for (const u of DEMO_USERS) {
        const result = await users
          .createQueryBuilder()
          .insert()
          .values({ ...u, passwordHash })
          .orIgnore() // ON CONFLICT DO NOTHING: an existing account keeps its password
          .execute();
        demoUsers.push({ email: u.email, role: u.role, created: (result.raw as unknown[]).length > 0 });
      }
    }
    return { ratingsCreated, demoUsers };
  });
}
