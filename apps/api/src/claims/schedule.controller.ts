import { Body, Controller, Delete, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { Returns } from '../common/responses.js';
import { ScheduleDto } from '../publishing/dto.js';
import { ScheduleService } from '../publishing/schedule.service.js';

/** A claim's scheduled publication: set, moved or cancelled until it fires (the worker publishes it). */
@ApiTags('publishing')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id/schedule')
export class ClaimScheduleController {
  constructor(private readonly schedules: ScheduleService) {}

  @Post()
  @Returns.one('PublicationScheduleDto', { status: 201 })
  @Roles('editor')
  @ApiOperation({
    summary:
      'Schedule the approved verdict’s publication at a time in the future (within 365 days); 409 when the claim is not approved or a schedule is pending',
  })
  schedule(
    @Param() { id }: IdParam,
    @Body() body: ScheduleDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.schedules.schedule(id, body.publishAt, me.user, req.id);
  }

  @Put()
  @Returns.one('PublicationScheduleDto')
  @Roles('editor')
  @ApiOperation({ summary: 'Move the pending scheduled publication to another time; 404 when none is pending' })
  reschedule(
    @Param() { id }: IdParam,
    @Body() body: ScheduleDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.schedules.reschedule(id, body.publishAt, me.user, req.id);
  }

  @Delete()
  @Returns.nothing()
  @Roles('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel the pending scheduled publication; nothing is published; 404 when none is pending' })
  cancel(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.schedules.cancel(id, me.user, req.id);
  }
}
