import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Staff } from '../common/access.js';
import { IsIsoDate } from '../common/dates.js';
import { PageLimitQuery } from '../common/paging.js';
import { IdParam } from '../common/params.js';
import { PublishingService } from './publishing.service.js';
import { Returns } from '../common/responses.js';

class ListFactChecksQuery extends PageLimitQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsIsoDate('date-time', { message: 'must be the nextCursor of a previous page' })
  cursor?: string;
}

/** The staff's list of fact-checks; publishing, correcting and retracting are `claims/:id/...` (claims/). */
@ApiTags('publishing')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('fact-checks')
export class FactChecksController {
  constructor(private readonly publishing: PublishingService) {}

  @Get()
  @Returns.page('FactCheckListItemDto')
  @Staff()
  @ApiOperation({ summary: 'Published fact-checks, newest first (staff view, retracted included)' })
  list(@Query() query: ListFactChecksQuery) {
    return this.publishing.list(query.limit ?? 50, query.cursor);
  }

  @Get(':id/versions')
  @Returns.many('FactCheckVersionDto')
  @Staff()
  @ApiOperation({ summary: 'Every published version of a fact-check' })
  versions(@Param() { id }: IdParam) {
    return this.publishing.versions(id);
  }
}
