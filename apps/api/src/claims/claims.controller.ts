import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { ClaimsService } from './claims.service.js';
import { CreateClaimDto, ListClaimsQuery, UpdateClaimDto } from './dto.js';
import { Returns } from '../common/responses.js';

@ApiTags('claims')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @Returns.page('ClaimSummaryDto')
  @Staff()
  @ApiOperation({ summary: 'The claims inbox: filters, full-text search, sorts, keyset pagination' })
  list(@Query() query: ListClaimsQuery, @CurrentPrincipal() me: Principal) {
    return this.claims.list(query, me.user);
  }

  @Post()
  @Returns.one('ClaimDetailDto', { status: 201 })
  @Roles('editor')
  @ApiOperation({ summary: 'Enter a claim by hand (heard on air, seen on social media); it starts accepted' })
  async create(@Body() body: CreateClaimDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    const claim = await this.claims.create(body, me.user, req.id);
    return this.claims.detail(claim.id, me.user);
  }

  @Get(':id')
  @Returns.one('ClaimDetailDto')
  @Staff()
  @ApiOperation({
    summary:
      'A claim with its document context, speaker, score and reasons, assignment, verdict, similar claims and the actions open to you',
  })
  detail(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal) {
    return this.claims.detail(id, me.user);
  }

  @Patch(':id')
  @Returns.one('ClaimDetailDto')
  @Roles('editor')
  @ApiOperation({ summary: "Edit a claim's text, speaker or type; the history keeps the original" })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateClaimDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    await this.claims.update(id, body, me.user, req.id);
    return this.claims.detail(id, me.user);
  }

  @Get(':id/history')
  @Returns.many('AuditEventDto')
  @Staff()
  @ApiOperation({
    summary:
      'Every change to the claim, its assignments, verdict, comments and fact-check: who, what, when, before and after',
  })
  history(@Param() { id }: IdParam) {
    return this.claims.history(id);
  }
}
