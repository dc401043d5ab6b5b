import type { MigrationInterface } from 'typeorm';
import { PublicSiteWebhooks1795449850096 } from './1795449850096-PublicSiteWebhooks.js';
import { AuditClaimId1795449007080 } from './1795449007080-AuditClaimId.js';
import { Initial1795447754269 } from './1795447754269-Initial.js';

/** Every migration, oldest first. The only way the schema changes. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795447754269,
  AuditClaimId1795449007080,
  PublicSiteWebhooks1795449850096,
];
