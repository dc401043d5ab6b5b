import { Module } from '@nestjs/common';
import { PublicCache } from './public-cache.js';
import { PublicFastPath } from './public-fast-path.js';
import { PublicController } from './public.controller.js';
import { PublicReader } from './public-reader.js';
import { PublicService } from './public.service.js';
import { SitePagesController } from './site-pages.controller.js';
import { SitePagesService } from './site-pages.service.js';

/** The public site and feeds, cached in memory and invalidated by PostgreSQL notifications. */
@Module({
  controllers: [PublicController, SitePagesController],
  providers: [PublicCache, PublicReader, PublicService, PublicFastPath, SitePagesService],
  exports: [PublicReader],
})
export class PublicModule {}
