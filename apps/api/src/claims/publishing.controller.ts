import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { PublishingService } from '../publishing/publishing.service.js';
import { CorrectDto, RetractDto } from '../verdicts/dto.js';
import { Returns } from '../common/responses.js';

@ApiTags('publishing')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('claims/:id')
export class ClaimPublishingController {
  constructor(private readonly publishing: PublishingService) {}

  @Post('publish')
  @Returns.one('FactCheckDto')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the approved verdict as a fact-check: an immutable snapshot with a stable slug' })
  publish(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.publishing.publish(id, me.user, req.id);
  }

  @Post('correct')
  @Returns.one('FactCheckDto', { errors: { 409: 'VerdictIncompleteDto' } })
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish a corrected version (rating, headline, conclusion, analysis, sources) with a public note; the log records which fields changed',
  })
  correct(
    @Param() { id }: IdParam,
    @Body() body: CorrectDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.publishing.correct(id, body, me.user, req.id);
  }

  @Post('retract')
  @Returns.one('FactCheckDto')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract a fact-check; its page stays with the retraction note' })
  retract(
    @Param() { id }: IdParam,
    @Body() body: RetractDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.publishing.retract(id, body.note, me.user, req.id);
  }
}
