import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { CreateSourceDto, UpdateSourceDto } from './dto.js';
import { SourcesService } from './sources.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('sources')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('editor')
@Controller()
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get('sources')
  @Returns.many('MonitoredSourceDto')
  @ApiOperation({ summary: 'Monitored sources with their last check, last new item, last error and status' })
  list() {
    return this.sources.list();
  }

  @Post('sources')
  @Returns.one('MonitoredSourceDto', { status: 201 })
  @ApiOperation({ summary: 'Follow a feed or listing page; its new items become documents' })
  create(@Body() body: CreateSourceDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.sources.create(body, me.user, req.id);
  }

  @Patch('sources/:id')
  @Returns.one('MonitoredSourceDto')
  @ApiOperation({ summary: 'Edit, pause (enabled: false) or resume a source, or change its interval' })
  update(
    @Param() { id }: IdParam,
    @Body() body: UpdateSourceDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.sources.update(id, body, me.user, req.id);
  }

  @Delete('sources/:id')
  @Returns.nothing()
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following a source (its documents stay)' })
  remove(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.sources.remove(id, me.user, req.id);
  }

  @Post('sources/:id/poll')
  @Returns.one('PollQueuedDto', { status: 202 })
  @HttpCode(202)
  @ApiOperation({ summary: 'Check a source now' })
  poll(@Param() { id }: IdParam) {
    return this.sources.pollNow(id);
  }
}
