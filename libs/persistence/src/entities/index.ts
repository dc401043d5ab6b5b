import { AssignmentEntity } from './assignment.entity.js';
import { ClaimEntity, ClaimMatchEntity, ClaimRepeatEntity } from './claim.entity.js';
import { AuditEventEntity, CommentEntity, NotificationEntity } from './collaboration.entity.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentSentencesEntity } from './document-sentences.entity.js';
import { CorrectionEntity, FactCheckEntity, FactCheckVersionEntity } from './fact-check.entity.js';
import { MonitoredSourceEntity, SourceItemEntity } from './monitored-source.entity.js';
import { PublicationEventEntity, SitePageEntity, WebhookDeliveryEntity, WebhookEntity } from './publication.entity.js';
import { PublicationScheduleEntity } from './publication-schedule.entity.js';
import { RatingEntity } from './rating.entity.js';
import { DocumentSpeakerEntity, SpeakerEntity } from './speaker.entity.js';
import { ApiTokenEntity, SessionEntity, UserEntity } from './user.entity.js';
import { VerdictDraftEntity } from './verdict-draft.entity.js';
import { VerdictEntity, VerdictSourceEntity } from './verdict.entity.js';
import { VerdictVersionEntity } from './verdict-version.entity.js';

export {
  ApiTokenEntity,
  AssignmentEntity,
  AuditEventEntity,
  ClaimEntity,
  ClaimMatchEntity,
  ClaimRepeatEntity,
  CommentEntity,
  CorrectionEntity,
  DocumentEntity,
  DocumentSpeakerEntity,
  DocumentSentencesEntity,
  FactCheckEntity,
  FactCheckVersionEntity,
  MonitoredSourceEntity,
  SourceItemEntity,
  NotificationEntity,
  PublicationEventEntity,
  PublicationScheduleEntity,
  RatingEntity,
  SessionEntity,
  SitePageEntity,
  SpeakerEntity,
  UserEntity,
  VerdictDraftEntity,
  VerdictEntity,
  VerdictSourceEntity,
  VerdictVersionEntity,
  WebhookDeliveryEntity,
  WebhookEntity,
};

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ApiTokenEntity,
  SpeakerEntity,
  MonitoredSourceEntity,
  SourceItemEntity,
  DocumentEntity,
  DocumentSentencesEntity,
  ClaimEntity,
  ClaimMatchEntity,
  ClaimRepeatEntity,
  DocumentSpeakerEntity,
  RatingEntity,
  AssignmentEntity,
  VerdictEntity,
  VerdictSourceEntity,
  VerdictDraftEntity,
  VerdictVersionEntity,
  FactCheckEntity,
  FactCheckVersionEntity,
  CorrectionEntity,
  PublicationScheduleEntity,
  CommentEntity,
  NotificationEntity,
  AuditEventEntity,
  SitePageEntity,
  PublicationEventEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];
export type { WebhookAttempt, WebhookDeliveryState } from './publication.entity.js';
