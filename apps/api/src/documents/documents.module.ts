import { Module } from '@nestjs/common';
import { DocumentQueue } from './document-queue.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

@Module({ controllers: [DocumentsController], providers: [DocumentsService, DocumentQueue], exports: [DocumentQueue] })
export class DocumentsModule {}
