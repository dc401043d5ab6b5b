import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateCommentDto } from '../collaboration/dto.js';
import { CommentsService } from '../collaboration/comments.service.js';
import { CurrentPrincipal, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { Returns } from '../common/responses.js';

@ApiTags('collaboration')
@ApiCookieAuth()
@ApiBearerAuth()
@Staff()
@Controller('claims/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @Returns.many('CommentDto')
  @ApiOperation({ summary: "A claim's comments, oldest first" })
  list(@Param() { id }: IdParam) {
    return this.comments.list(id);
  }

  @Post()
  @Returns.one('CommentDto', { status: 201 })
  @ApiOperation({ summary: 'Comment on a claim (editors; reviewers on their assigned claims)' })
  create(
    @Param() { id }: IdParam,
    @Body() body: CreateCommentDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.comments.create(id, body.body, me.user, req.id);
  }
}
