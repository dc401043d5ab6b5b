import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsIsoDate } from '../common/dates.js';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { PublishingService } from '../publishing/publishing.service.js';
import { CorrectDto, RetractDto } from '../verdicts/dto.js';
import { Returns } from '../common/responses.js';

class PreviewQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The publication time to show (a scheduled one); now if absent',
  })
  @IsOptional()
  @IsIsoDate('date-time')
  at?: string;
}

/**
 * The preview is the public page itself, shown to staff inside the web app's confirmation (same origin, so
 * it may be framed there and nowhere else). It loads nothing but its own inline style.
 */
const PREVIEW_HEADERS = RouteConfig({
  helmet: {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ['https:', 'data:'],
        frameAncestors: ["'self'"],
      },
    },
    xFrameOptions: { action: 'sameorigin' },
  },
});

const previewAt = (q: PreviewQuery) => (q.at ? new Date(q.at) : undefined);

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

  @Get('preview')
  @Returns.media('text/html')
  @Staff()
  @PREVIEW_HEADERS
  @ApiOperation({
    summary:
      'The public page the approved verdict would publish as, byte for byte (its publication time: `at`, or now); not indexed, not cached',
  })
  async preview(@Param() { id }: IdParam, @Query() q: PreviewQuery, @Res() reply: FastifyReply) {
    const preview = await this.publishing.preview(id, previewAt(q));
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('x-preview-published-at', preview.publishedAt)
      .send(preview.html);
  }

  @Get('preview/claim-review')
  @Returns.media('application/ld+json')
  @Staff()
  @ApiOperation({ summary: 'The ClaimReview JSON-LD the approved verdict would publish with (null when unrated)' })
  async previewClaimReview(@Param() { id }: IdParam, @Query() q: PreviewQuery, @Res() reply: FastifyReply) {
    const preview = await this.publishing.preview(id, previewAt(q));
    return reply
      .header('content-type', 'application/ld+json; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-preview-published-at', preview.publishedAt)
      .send(JSON.stringify(preview.claimReview));
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
