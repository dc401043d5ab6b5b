import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import {
  DocumentIdParam,
  DocumentSpeakerParams,
  ListSpeakersQuery,
  MergeSpeakerDto,
  SetDocumentRoleDto,
  UpdateSpeakerDto,
} from './dto.js';
import { SpeakersService } from './speakers.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('speakers')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @Returns.many('SpeakerDto')
  @Staff()
  @ApiOperation({ summary: 'Speakers with their claim and fact-check counts' })
  list(@Query() query: ListSpeakersQuery) {
    return this.speakers.list(query.q, query.limit ?? 100);
  }

  @Patch(':id')
  @Returns.one('SpeakerDto')
  @Roles('editor')
  @ApiOperation({
    summary:
      "Edit a speaker's name (the old one becomes an alias), kind, aliases, sameAs links, description or role in every document",
  })
  async update(
    @Param() { id }: IdParam,
    @Body() body: UpdateSpeakerDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    const speaker = await this.speakers.update(id, body, me.user.id, req.id);
    return this.speakers.view(speaker.id);
  }

  @Post(':id/merge')
  @Returns.one('SpeakerDto')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this speaker into another: claims move, names become aliases' })
  async merge(
    @Param() { id }: IdParam,
    @Body() body: MergeSpeakerDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    const target = await this.speakers.merge(id, body.intoId, me.user.id, req.id);
    return this.speakers.view(target.id);
  }
}

/** A document's speakers and the part each plays there (moderator, participant…). */
@ApiTags('speakers')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('documents/:documentId/speakers')
export class DocumentSpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @Returns.many('DocumentSpeakerDto')
  @Staff()
  @ApiOperation({ summary: "A document's speakers, each with their role there and whether their lines are asking" })
  list(@Param() { documentId }: DocumentIdParam) {
    return this.speakers.ofDocument(documentId);
  }

  @Put(':speakerId')
  @Returns.one('DocumentSpeakerDto')
  @Roles('editor')
  @ApiOperation({ summary: "Set (or clear, with null) a speaker's role in this document, e.g. moderator" })
  setRole(
    @Param() { documentId, speakerId }: DocumentSpeakerParams,
    @Body() body: SetDocumentRoleDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.speakers.setDocumentRole(documentId, speakerId, body.role, me.user.id, req.id);
  }
}
