import { Module } from '@nestjs/common';
import { TodayController } from './today.controller.js';
import { TodayService } from './today.service.js';

/** The morning list of claims worth checking. */
@Module({ controllers: [TodayController], providers: [TodayService] })
export class TodayModule {}
