import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Staff, type Principal } from '../common/access.js';
import { ListNotificationsQuery, MarkReadDto } from './dto.js';
import { NotificationsService } from './notifications.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('collaboration')
@ApiCookieAuth()
@ApiBearerAuth()
@Staff()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Returns.one('NotificationListDto')
  @ApiOperation({ summary: 'Your notifications, newest first, with the unread count' })
  list(@Query() query: ListNotificationsQuery, @CurrentPrincipal() me: Principal) {
    return this.notifications.list(me.user.id, query.unread ?? false, query.limit ?? 50);
  }

  @Post('read')
  @Returns.one('MarkedReadDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read (all when no ids are given)' })
  async markRead(@Body() body: MarkReadDto, @CurrentPrincipal() me: Principal) {
    return { marked: await this.notifications.markRead(me.user.id, body.ids) };
  }
}
