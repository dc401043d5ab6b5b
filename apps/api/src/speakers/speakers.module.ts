import { Module } from '@nestjs/common';
import { DocumentSpeakersController, SpeakersController } from './speakers.controller.js';
import { SpeakersService } from './speakers.service.js';

@Module({
  controllers: [SpeakersController, DocumentSpeakersController],
  providers: [SpeakersService],
  exports: [SpeakersService],
})
export class SpeakersModule {}
