import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ApiError, BulkResultDto } from '@factdesk/domain';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { BulkTriageDto, ReasonDto } from '../claims/dto.js';
import { ClaimsService } from '../claims/claims.service.js';
import { IdParam } from '../users/dto.js';
import { WorkflowService } from './workflow.service.js';

/** Answers a bulk result: 200 when every claim changed, 409 (and nothing changed) otherwise. */
export function sendBulk(reply: FastifyReply, result: BulkResultDto): BulkResultDto | (BulkResultDto & ApiError) {
  if (result.applied) return result;
  reply.status(HttpStatus.CONFLICT);
  const failed = result.results.filter((r) => r.status).length;
  return { ...result, statusCode: 409, error: 'Conflict', message: `Nothing was changed: ${failed} of ${result.results.length} claims could not be.` };
}

@ApiTags('triage')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('editor')
@Controller('claims')
export class TriageController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly claims: ClaimsService,
  ) {}

  @Post('triage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or dismiss many claims at once: all or nothing, with a result per claim' })
  @ApiConflictResponse({ description: 'At least one claim could not change; none did' })
  async triage(@Body() body: BulkTriageDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.workflow.bulk(body.claimIds, { action: body.action, actor: me.user, input: { reason: body.reason }, requestId: req.id });
    return sendBulk(reply, result);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a claim as worth checking' })
  async accept(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.workflow.transition(id, { action: 'accept', actor: me.user, requestId: req.id });
    return this.claims.detail(id, me.user);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a claim, with the reason' })
  async dismiss(@Param() { id }: IdParam, @Body() body: ReasonDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.workflow.transition(id, { action: 'dismiss', actor: me.user, input: { reason: body.reason }, requestId: req.id });
    return this.claims.detail(id, me.user);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a dismissed claim to the inbox' })
  async reopen(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    await this.workflow.transition(id, { action: 'reopen', actor: me.user, requestId: req.id });
    return this.claims.detail(id, me.user);
  }
}
