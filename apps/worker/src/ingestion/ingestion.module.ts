import { RepeatsService } from './repeats.service.js';
import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing/publishing.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { EventsPublisher } from './events.publisher.js';
import { IngestionWorkers } from './ingestion.workers.js';
import { DocumentPipeline } from './pipeline.service.js';

@Module({
  imports: [SourcesModule, PublishingModule],
  providers: [EventsPublisher, DocumentPipeline, RepeatsService, IngestionWorkers],
  exports: [IngestionWorkers],
})
export class IngestionModule {}
