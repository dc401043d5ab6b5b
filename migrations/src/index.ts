import type { MigrationInterface } from 'typeorm';
import { ClaimRepeats1796720000000 } from './1796720000000-ClaimRepeats.js';
import { ClaimChangeNotify1796750000000 } from './1796750000000-ClaimChangeNotify.js';
import { VerdictDrafts1796330000000 } from './1796330000000-VerdictDrafts.js';
import { ClaimsSearchVector1796245266781 } from './1796245266781-ClaimsSearchVector.js';
import { SourceItems1795452066622 } from './1795452066622-SourceItems.js';
import { PublicSiteWebhooks1795449850096 } from './1795449850096-PublicSiteWebhooks.js';
import { DocumentUploads1795449807902 } from './1795449807902-DocumentUploads.js';
import { AuditClaimId1795449007080 } from './1795449007080-AuditClaimId.js';
import { Initial1795447754269 } from './1795447754269-Initial.js';
import { ClaimsTrigramGist1795453000000 } from './1795453000000-ClaimsTrigramGist.js';
import { ClaimsListIndexes1795453600000 } from './1795453600000-ClaimsListIndexes.js';
import { ClaimsActiveAssignment1796266453247 } from './1796266453247-ClaimsActiveAssignment.js';
import { AccessChangeNotify1796266453248 } from './1796266453248-AccessChangeNotify.js';
import { ClaimsSearchNoPendingList1796266453249 } from './1796266453249-ClaimsSearchNoPendingList.js';
import { ClaimsSortIndexesCovering1796266453250 } from './1796266453250-ClaimsSortIndexesCovering.js';
import { DocumentSpeakerRoles1796310000000 } from './1796310000000-DocumentSpeakerRoles.js';
import { DocumentSentences1796320000000 } from './1796320000000-DocumentSentences.js';
import { FactCheckSearchVector1796360000000 } from './1796360000000-FactCheckSearchVector.js';
import { VerdictVersionsCorrectionFields1796500000000 } from './1796500000000-VerdictVersionsCorrectionFields.js';
import { Repeats1796600000000 } from './1796600000000-Repeats.js';
import { Provenance1796700000000 } from './1796700000000-Provenance.js';
import { PublicationSchedules1796800000000 } from './1796800000000-PublicationSchedules.js';

/** Every migration, oldest first. The only way the schema changes. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795447754269,
  AuditClaimId1795449007080,
  DocumentUploads1795449807902,
  PublicSiteWebhooks1795449850096,
  SourceItems1795452066622,
  ClaimsTrigramGist1795453000000,
  ClaimsListIndexes1795453600000,
  ClaimsSearchVector1796245266781,
  ClaimsActiveAssignment1796266453247,
  AccessChangeNotify1796266453248,
  ClaimsSearchNoPendingList1796266453249,
  ClaimsSortIndexesCovering1796266453250,
  DocumentSpeakerRoles1796310000000,
  DocumentSentences1796320000000,
  VerdictDrafts1796330000000,
  FactCheckSearchVector1796360000000,
  VerdictVersionsCorrectionFields1796500000000,
  Repeats1796600000000,
  Provenance1796700000000,
  ClaimRepeats1796720000000,
  ClaimChangeNotify1796750000000,
  PublicationSchedules1796800000000,
];
