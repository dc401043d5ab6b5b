import { Module } from '@nestjs/common';
import { DocumentQueue } from './document-queue.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { SentencesController } from './sentences.controller.js';
import { SentencesService } from './sentences.service.js';

@Module({
  controllers: [DocumentsController, SentencesController],
  providers: [DocumentsService, DocumentQueue, SentencesService],
  exports: [DocumentQueue],
})
export class DocumentsModule {}
