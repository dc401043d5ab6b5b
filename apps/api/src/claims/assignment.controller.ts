import { Body, Controller, Delete, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignmentsService } from '../assignments/assignments.service.js';
import { AssignDto, UnassignDto } from '../assignments/dto.js';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { Returns } from '../common/responses.js';

/** A claim's assignment; the lists and the bulk assign are in `assignments/`. */
@ApiTags('assignments')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id/assignment')
export class ClaimAssignmentController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Put()
  @Returns.one('AssignmentDto')
  @Roles('editor')
  @ApiOperation({
    summary: 'Assign or reassign a claim, with a due date and a note; the earlier assignment stays in the history',
  })
  assign(@Param() { id }: IdParam, @Body() body: AssignDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.assignments.assign(id, body, me.user, req.id);
  }

  @Delete()
  @Returns.nothing()
  @Roles('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a claim off its assignee; it returns to accepted' })
  unassign(
    @Param() { id }: IdParam,
    @Body() body: UnassignDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.assignments.unassign(id, body?.note, me.user, req.id);
  }
}
