import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { ActOnVersionDto, PutDraftDto, SaveVerdictDto } from '../verdicts/dto.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { CommentBodyDto } from './dto.js';
import { Returns } from '../common/responses.js';

@ApiTags('verdicts')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id')
export class VerdictController {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly workflow: WorkflowService,
  ) {}

  @Get('verdict')
  @Returns.one('VerdictDto')
  @Staff()
  @ApiOperation({ summary: "The claim's verdict, with what still stands between it and approval" })
  get(@Param() { id }: IdParam) {
    return this.verdicts.get(id);
  }

  @Get('verdict/versions')
  @Returns.many('VerdictVersionDto')
  @Staff()
  @ApiOperation({ summary: 'Every kept version of the verdict, oldest first, each with who made it and when' })
  versions(@Param() { id }: IdParam) {
    return this.verdicts.versions(id);
  }

  @Put('verdict')
  @Returns.one('VerdictDto', { errors: { 409: 'VerdictConflictDto' } })
  @Staff()
  @ApiOperation({ summary: 'Save the verdict draft (assignee or editor). Send the version you edited; 0 creates it' })
  @ApiConflictResponse({
    description: 'Someone saved in between: nothing was written; `current` holds the current version',
  })
  save(
    @Param() { id }: IdParam,
    @Body() body: SaveVerdictDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.verdicts.save(id, body, me.user, req.id);
  }

  @Get('verdict/draft')
  @Returns.oneOrNull('VerdictDraftDto')
  @Staff()
  @ApiOperation({ summary: 'Your autosaved, unsaved edits to the verdict, or null' })
  getDraft(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal) {
    return this.verdicts.getDraft(id, me.user);
  }

  @Put('verdict/draft')
  @Returns.one('VerdictDraftDto')
  @Staff()
  @ApiOperation({
    summary: 'Keep your unsaved edits (whoever may save the verdict now); not a version, replaced on each call',
  })
  putDraft(@Param() { id }: IdParam, @Body() body: PutDraftDto, @CurrentPrincipal() me: Principal) {
    return this.verdicts.putDraft(id, body, me.user);
  }

  @Delete('verdict/draft')
  @Returns.nothing()
  @Staff()
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard your unsaved edits to the verdict' })
  deleteDraft(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal) {
    return this.verdicts.deleteDraft(id, me.user);
  }

  @Post('start')
  @Returns.one('ClaimStateDto')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work on an assigned claim (assignee or editor)' })
  async start(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    const claim = await this.workflow.transition(id, { action: 'start', actor: me.user, requestId: req.id });
    return { id: claim.id, state: claim.state };
  }

  @Post('submit')
  @Returns.one('VerdictDto', { errors: { 409: ['VerdictConflictDto', 'VerdictIncompleteDto'] } })
  @Staff()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit the complete verdict for review (assignee or editor); editors are notified. Send the version you see',
  })
  submit(
    @Param() { id }: IdParam,
    @Body() body: ActOnVersionDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.verdicts.submit(id, body?.version, me.user, req.id);
  }

  @Post('approve')
  @Returns.one('VerdictDto', { errors: { 409: ['VerdictConflictDto', 'VerdictIncompleteDto'] } })
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a complete verdict (rating, conclusion, sources with web addresses, one primary). Send the version you see',
  })
  approve(
    @Param() { id }: IdParam,
    @Body() body: ActOnVersionDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.verdicts.approve(id, body?.version, me.user, req.id);
  }

  @Post('request-changes')
  @Returns.one('VerdictDto')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the verdict back to its author with a comment' })
  requestChanges(
    @Param() { id }: IdParam,
    @Body() body: CommentBodyDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.verdicts.requestChanges(id, body.comment, me.user, req.id);
  }
}
