import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { CommentBodyDto } from '../claims/dto.js';
import { IdParam } from '../users/dto.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { SaveVerdictDto } from './dto.js';
import { VerdictsService } from './verdicts.service.js';

@ApiTags('verdicts')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id')
export class VerdictsController {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly workflow: WorkflowService,
  ) {}

  @Get('verdict')
  @Staff()
  @ApiOperation({ summary: "The claim's verdict, with what still stands between it and approval" })
  get(@Param() { id }: IdParam) {
    return this.verdicts.get(id);
  }

  @Put('verdict')
  @Staff()
  @ApiOperation({ summary: 'Save the verdict draft (assignee or editor). Send the version you edited; 0 creates it' })
  @ApiConflictResponse({ description: 'Someone saved in between: nothing was written; `current` holds the current version' })
  save(@Param() { id }: IdParam, @Body() body: SaveVerdictDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.verdicts.save(id, body, me.user, req.id);
  }

  @Post('start')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work on an assigned claim (assignee or editor)' })
  async start(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    const claim = await this.workflow.transition(id, { action: 'start', actor: me.user, requestId: req.id });
    return { id: claim.id, state: claim.state };
  }

  @Post('submit')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the verdict for review (assignee or editor); editors are notified' })
  submit(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.verdicts.submit(id, me.user, req.id);
  }

  @Post('approve')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a complete verdict: rating, conclusion, sources with web addresses, one primary' })
  approve(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.verdicts.approve(id, me.user, req.id);
  }

  @Post('request-changes')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the verdict back to its author with a comment' })
  requestChanges(@Param() { id }: IdParam, @Body() body: CommentBodyDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.verdicts.requestChanges(id, body.comment, me.user, req.id);
  }
}
