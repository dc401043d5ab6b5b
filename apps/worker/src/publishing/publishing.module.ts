import { Module } from '@nestjs/common';
import { ScheduledPublications } from './scheduled-publications.js';

/** Scheduled publications: the delayed jobs' processor and their sweep (the API sets the schedules). */
@Module({ providers: [ScheduledPublications], exports: [ScheduledPublications] })
export class PublishingModule {}
