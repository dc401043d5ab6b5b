import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TODAY } from '@factdesk/domain';
import { CurrentPrincipal, Roles, type Principal } from '../common/access.js';
import { TodayQuery } from './dto.js';
import { TodayService } from './today.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('today')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('editor')
@Controller('today')
export class TodayController {
  constructor(private readonly today: TodayService) {}

  @Get()
  @Returns.one('TodayDto')
  @ApiOperation({
    summary:
      "Today's claims: detected in the last 24 hours (or since), checked-before first, by score, grouped by speaker and source",
  })
  list(@Query() query: TodayQuery, @CurrentPrincipal() me: Principal) {
    return this.today.list(query.since ? new Date(query.since) : new Date(Date.now() - TODAY.windowMs), me.user.id);
  }
}
