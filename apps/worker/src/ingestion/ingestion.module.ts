import { Module } from '@nestjs/common';
import { EventsPublisher } from './events.publisher.js';
import { IngestionWorkers } from './ingestion.workers.js';
import { DocumentPipeline } from './pipeline.service.js';

@Module({ providers: [EventsPublisher, DocumentPipeline, IngestionWorkers], exports: [IngestionWorkers] })
export class IngestionModule {}
