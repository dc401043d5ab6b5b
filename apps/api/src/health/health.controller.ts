import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HealthDto } from '@factdesk/domain';
import { Public } from '../common/access.js';
import { HealthService } from './health.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Returns.one('HealthDto', { status: [200, 503] })
  @Public()
  @ApiOperation({
    summary: 'PostgreSQL and Redis reachability (503 when either is down) and the number of live workers',
  })
  @ApiServiceUnavailableResponse({ description: 'At least one is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const health = await this.health.check();
    reply.status(health.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
