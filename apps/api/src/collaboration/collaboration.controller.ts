import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CurrentPrincipal, Staff, type AppRequest, type Principal } from '../common/access.js';
import { queryBoolean, trim } from '../common/transforms.js';
import { IdParam } from '../users/dto.js';
import { CommentsService } from './comments.service.js';
import { NotificationsService } from './notifications.service.js';

class CreateCommentDto {
  @ApiProperty({ description: 'Plain text' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(10_000)
  body: string;
}

class ListNotificationsQuery {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Which to mark read; all when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must hold notification ids' })
  ids?: string[];
}

@ApiTags('collaboration')
@ApiCookieAuth()
@ApiBearerAuth()
@Staff()
@Controller()
export class CollaborationController {
  constructor(
    private readonly comments: CommentsService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get('claims/:id/comments')
  @ApiOperation({ summary: "A claim's comments, oldest first" })
  listComments(@Param() { id }: IdParam) {
    return this.comments.list(id);
  }

  @Post('claims/:id/comments')
  @ApiOperation({ summary: 'Comment on a claim (editors; reviewers on their assigned claims)' })
  createComment(@Param() { id }: IdParam, @Body() body: CreateCommentDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.comments.create(id, body.body, me.user, req.id);
  }

  @Get('notifications')
  @ApiOperation({ summary: 'Your notifications, newest first, with the unread count' })
  listNotifications(@Query() query: ListNotificationsQuery, @CurrentPrincipal() me: Principal) {
    return this.notifications.list(me.user.id, query.unread ?? false, query.limit ?? 50);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read (all when no ids are given)' })
  async markRead(@Body() body: MarkReadDto, @CurrentPrincipal() me: Principal) {
    return { marked: await this.notifications.markRead(me.user.id, body.ids) };
  }
}
