import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { roleAllowed } from '@factdesk/domain';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../users/dto.js';
import { sendBulk } from '../workflow/triage.controller.js';
import { AssignmentsService } from './assignments.service.js';
import { AssignDto, BulkAssignDto, ListAssignmentsQuery, UnassignDto } from './dto.js';

@ApiTags('assignments')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Put('claims/:id/assignment')
  @Roles('editor')
  @ApiOperation({ summary: 'Assign or reassign a claim, with a due date and a note; the earlier assignment stays in the history' })
  assign(@Param() { id }: IdParam, @Body() body: AssignDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.assignments.assign(id, body, me.user, req.id);
  }

  @Delete('claims/:id/assignment')
  @Roles('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a claim off its assignee; it returns to accepted' })
  unassign(@Param() { id }: IdParam, @Body() body: UnassignDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.assignments.unassign(id, body?.note, me.user, req.id);
  }

  @Post('assignments/bulk')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign several claims at once: all or nothing, with a result per claim' })
  async bulk(@Body() body: BulkAssignDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendBulk(reply, await this.assignments.assignMany(body.claimIds, body, me.user, req.id));
  }

  @Get('assignments')
  @Staff()
  @ApiOperation({ summary: 'Assignments (active by default); reviewers see their own' })
  list(@Query() query: ListAssignmentsQuery, @CurrentPrincipal() me: Principal) {
    const own = roleAllowed(me.user.role, ['editor']) ? query : { ...query, assignee: 'me' };
    return this.assignments.list(own, me.user);
  }

  @Get('assignments/workload')
  @Roles('editor')
  @ApiOperation({ summary: 'Open, due-soon (48 h) and overdue assignments per person' })
  workload() {
    return this.assignments.workload();
  }
}
