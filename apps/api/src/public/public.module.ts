import { Module } from '@nestjs/common';
import { PublicCache } from './public-cache.js';
import { PublicFastPath } from './public-fast-path.js';
import { PublicController, SitePagesController } from './public.controller.js';
import { PublicReader } from './public-reader.js';
import { PublicService } from './public.service.js';

/** The public site and feeds, cached in memory and invalidated by PostgreSQL notifications. */
@Module({
  controllers: [PublicController, SitePagesController],
  providers: [PublicCache, PublicReader, PublicService, PublicFastPath],
  exports: [PublicReader],
})
export class PublicModule {}
