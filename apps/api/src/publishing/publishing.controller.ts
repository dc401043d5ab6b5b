import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

import { IsDateString, IsOptional } from 'class-validator';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../users/dto.js';
import { CorrectDto, RetractDto } from '../verdicts/dto.js';
import { PublishingService } from './publishing.service.js';
import { PageLimitQuery } from '../common/paging.js';

class ListFactChecksQuery extends PageLimitQuery {

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsDateString({}, { message: 'must be the nextCursor of a previous page' })
  cursor?: string;
}

@ApiTags('publishing')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller()
export class PublishingController {
  constructor(private readonly publishing: PublishingService) {}

  @Post('claims/:id/publish')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the approved verdict as a fact-check: an immutable snapshot with a stable slug' })
  publish(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.publishing.publish(id, me.user, req.id);
  }

  @Post('claims/:id/correct')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a corrected version with a public note of what changed' })
  correct(@Param() { id }: IdParam, @Body() body: CorrectDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.publishing.correct(id, body, me.user, req.id);
  }

  @Post('claims/:id/retract')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract a fact-check; its page stays with the retraction note' })
  retract(@Param() { id }: IdParam, @Body() body: RetractDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.publishing.retract(id, body.note, me.user, req.id);
  }

  @Get('fact-checks')
  @Staff()
  @ApiOperation({ summary: 'Published fact-checks, newest first (staff view, retracted included)' })
  list(@Query() query: ListFactChecksQuery) {
    return this.publishing.list(query.limit ?? 50, query.cursor);
  }

  @Get('fact-checks/:id/versions')
  @Staff()
  @ApiOperation({ summary: 'Every published version of a fact-check' })
  versions(@Param() { id }: IdParam) {
    return this.publishing.versions(id);
  }
}
