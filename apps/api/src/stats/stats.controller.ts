import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Staff } from '../common/access.js';
import { StatsService } from './stats.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('overview')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Returns.one('StatsDto')
  @Staff()
  @ApiOperation({
    summary: 'Claims by state, overdue assignments, published per week, ratings, and claims checked per speaker',
  })
  overview() {
    return this.stats.overview();
  }
}
