import { Module } from '@nestjs/common';
import { SourcePoller } from './source-poller.service.js';

@Module({ providers: [SourcePoller], exports: [SourcePoller] })
export class SourcesModule {}
