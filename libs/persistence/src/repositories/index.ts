import { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts.repository.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { AuditRepository } from './audit.repository.js';
import { ClaimMatchesRepository } from './claim-matches.repository.js';
import { ClaimPublisher } from './claim-publisher.js';
import { ClaimWorkflow } from './claim-workflow.js';
import { ClaimRepeatsRepository } from './claim-repeats.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import { CollaborationRepository } from './collaboration.repository.js';
import { DocumentSentencesRepository } from './document-sentences.repository.js';
import { DocumentsRepository } from './documents.repository.js';
import { PublicationSchedulesRepository } from './publication-schedules.repository.js';
import { PublicationsRepository } from './publications.repository.js';
import { PublicSiteReadModel } from './public-site.read-model.js';
import { RatingsRepository } from './ratings.repository.js';
import { SitePagesRepository } from './site-pages.repository.js';
import { SourcesRepository } from './sources.repository.js';
import { SpeakersRepository } from './speakers.repository.js';
import { VerdictDraftsRepository } from './verdict-drafts.repository.js';
import { VerdictsRepository } from './verdicts.repository.js';
import { WebhooksRepository } from './webhooks.repository.js';

export * from './accounts.repository.js';
export * from './assignments.repository.js';
export * from './audit.repository.js';
export * from './claim-matches.repository.js';
export * from './claim-publisher.js';
export * from './claim-workflow.js';
export * from './claim-repeats.repository.js';
export * from './claims.repository.js';
export * from './provenance.js';
export * from './collaboration.repository.js';
export * from './document-rows.js';
export * from './document-sentences.repository.js';
export * from './documents.repository.js';
export * from './publication-schedules.repository.js';
export * from './publications.repository.js';
export * from './public-site.read-model.js';
export * from './ratings.repository.js';
export * from './site-pages.repository.js';
export * from './sources.repository.js';
export * from './speakers.repository.js';
export * from './verdict-drafts.repository.js';
export * from './verdicts.repository.js';
export * from './webhooks.repository.js';

/**
 * Every repository: each is made from the process's DataSource and is the only writer of its tables (read
 * models such as PublicSiteReadModel write none).
 */
export const REPOSITORIES = [
  AccountsRepository,
  AssignmentsRepository,
  AuditRepository,
  ClaimMatchesRepository,
  ClaimPublisher,
  ClaimRepeatsRepository,
  ClaimWorkflow,
  ClaimsRepository,
  CollaborationRepository,
  DocumentSentencesRepository,
  DocumentsRepository,
  PublicationSchedulesRepository,
  PublicationsRepository,
  PublicSiteReadModel,
  RatingsRepository,
  SitePagesRepository,
  SourcesRepository,
  SpeakersRepository,
  VerdictDraftsRepository,
  VerdictsRepository,
  WebhooksRepository,
] as const;

/**
 * Nest providers for every repository (plain objects, so this library needs no Nest): each app's database
 * module lists these and exports REPOSITORIES. @nestjs/typeorm registers the default DataSource under its class.
 */
export const REPOSITORY_PROVIDERS = REPOSITORIES.map((Repository) => ({
  provide: Repository,
  useFactory: (db: DataSource) => new Repository(db),
  inject: [DataSource],
}));
