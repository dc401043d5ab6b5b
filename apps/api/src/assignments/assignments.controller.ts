import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { bulkAnswer } from '../common/bulk.js';
import { AssignmentsService } from './assignments.service.js';
import { BulkAssignDto, ListAssignmentsQuery } from './dto.js';
import { Returns } from '../common/responses.js';

/** Assignments across claims; one claim's assignment is `claims/:id/assignment` (claims/assignment.controller.ts). */
@ApiTags('assignments')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('bulk')
  @Returns.one('BulkResultDto', { errors: { 409: 'BulkConflictDto' } })
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign several claims at once: all or nothing, with a result per claim' })
  async bulk(@Body() body: BulkAssignDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return bulkAnswer(await this.assignments.assignMany(body.claimIds, body, me.user, req.id));
  }

  @Get()
  @Returns.many('AssignmentDto')
  @Staff()
  // Colleagues see who holds what (the inbox and claim pages show it too); only the assignee acts on it.
  @ApiOperation({ summary: 'Assignments (active by default), anyone’s: filter with assignee=me for your own' })
  list(@Query() query: ListAssignmentsQuery, @CurrentPrincipal() me: Principal) {
    return this.assignments.list(query, me.user);
  }

  @Get('workload')
  @Returns.many('WorkloadDto')
  @Roles('editor')
  @ApiOperation({ summary: 'Open, due-soon (48 h) and overdue assignments per person' })
  workload() {
    return this.assignments.workload();
  }
}
