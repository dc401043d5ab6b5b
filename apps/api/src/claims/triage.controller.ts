import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { bulkAnswer } from '../common/bulk.js';
import { IdParam } from '../common/params.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { ClaimsService } from './claims.service.js';
import { BulkTriageDto, DuplicateOfDto, ReasonDto } from './dto.js';
import { DuplicatesService } from './duplicates.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('triage')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('editor')
@Controller('claims')
export class TriageController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly claims: ClaimsService,
    private readonly duplicates: DuplicatesService,
  ) {}

  @Post('triage')
  @Returns.one('BulkResultDto', { errors: { 409: 'BulkConflictDto' } })
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or dismiss many claims at once: all or nothing, with a result per claim' })
  @ApiConflictResponse({ description: 'At least one claim could not change; none did' })
  async triage(@Body() body: BulkTriageDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    const result = await this.workflow.bulk(body.claimIds, {
      action: body.action,
      actor: me.user,
      input: { reason: body.reason },
      requestId: req.id,
    });
    return bulkAnswer(result);
  }

  @Post(':id/accept')
  @Returns.one('ClaimDetailDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a claim as worth checking' })
  async accept(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.workflow.transition(id, { action: 'accept', actor: me.user, requestId: req.id });
    return this.claims.detail(id, me.user);
  }

  @Post(':id/dismiss')
  @Returns.one('ClaimDetailDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a claim, with the reason' })
  async dismiss(
    @Param() { id }: IdParam,
    @Body() body: ReasonDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    await this.workflow.transition(id, {
      action: 'dismiss',
      actor: me.user,
      input: { reason: body.reason },
      requestId: req.id,
    });
    return this.claims.detail(id, me.user);
  }

  @Post(':id/reopen')
  @Returns.one('ClaimDetailDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a dismissed claim to the inbox' })
  async reopen(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.workflow.transition(id, { action: 'reopen', actor: me.user, requestId: req.id });
    return this.claims.detail(id, me.user);
  }

  @Post(':id/duplicate-of')
  @Returns.one('ClaimDetailDto')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Say a claim repeats another: it joins that claim’s cluster, checked once (editors hear of a repeat of a checked claim)',
  })
  async duplicateOf(
    @Param() { id }: IdParam,
    @Body() body: DuplicateOfDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    await this.duplicates.markDuplicate(id, body.claimId, me.user, req.id);
    return this.claims.detail(id, me.user);
  }

  @Post(':id/not-duplicate')
  @Returns.one('ClaimDetailDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Split a claim from its cluster: not the same claim, back to triage' })
  async notDuplicate(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.duplicates.notDuplicate(id, me.user, req.id);
    return this.claims.detail(id, me.user);
  }
}
