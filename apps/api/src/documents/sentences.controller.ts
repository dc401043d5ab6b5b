import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { Returns } from '../common/responses.js';
import { ListSentencesQuery, PromoteSentenceDto, SetThresholdDto } from './sentences.dto.js';
import { SentencesService } from './sentences.service.js';

@ApiTags('documents')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents/:id')
export class SentencesController {
  constructor(private readonly sentences: SentencesService) {}

  @Get('sentences')
  @Returns.one('DocumentSentencesDto')
  @Staff()
  @ApiOperation({
    summary:
      "A document's scored sentences, paged: its near misses (below the threshold, no claim; highest score first), its claims, or all",
  })
  list(@Param() { id }: IdParam, @Query() query: ListSentencesQuery) {
    return this.sentences.list(id, query);
  }

  @Put('threshold')
  @Returns.one('DocumentThresholdDto')
  @Roles('editor')
  @ApiOperation({
    summary:
      "Move the document's threshold: sentences at or above it become claims; the detector's untouched claims below it leave the inbox; triaged or edited claims stay",
  })
  setThreshold(
    @Param() { id }: IdParam,
    @Body() body: SetThresholdDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.sentences.setThreshold(id, body.threshold, me.user, req.id);
  }

  @Post('sentences/claim')
  @Returns.one('PromotedClaimDto', { status: [200, 201] })
  @Roles('editor')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Make the sentence with these offsets a claim (keeps document, offsets, speaker, score); 200 with the existing claim when it is one',
  })
  async promote(
    @Param() { id }: IdParam,
    @Body() body: PromoteSentenceDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.sentences.promote(id, body, me.user, req.id);
    reply.status(result.created ? 201 : 200);
    return result;
  }
}
