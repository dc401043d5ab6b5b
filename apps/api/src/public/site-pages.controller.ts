import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SitePageDto } from '@factdesk/domain';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { Returns } from '../common/responses.js';
import { SitePageBody, SitePageParam } from './dto.js';
import type { SitePageKey } from './site-pages.js';
import { SitePagesService } from './site-pages.service.js';

/** Admins edit the text of /methodology and /corrections-policy. */
@ApiTags('public site')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('site-pages')
export class SitePagesController {
  constructor(private readonly pages: SitePagesService) {}

  @Get()
  @Returns.many('SitePageDto')
  @Roles('admin')
  @ApiOperation({ summary: 'The editable public pages with their current text (defaults until edited)' })
  list(): Promise<SitePageDto[]> {
    return this.pages.list();
  }

  @Put(':key')
  @Returns.one('SitePageDto')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the title and Markdown text of a public page; the page changes at once' })
  put(
    @Param() { key }: SitePageParam,
    @Body() body: SitePageBody,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ): Promise<SitePageDto> {
    return this.pages.put(key as SitePageKey, body, me.user.id, req.id);
  }
}
