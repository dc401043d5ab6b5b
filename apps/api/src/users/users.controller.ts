import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { CreateUserDto, IdParam, IssueApiTokenDto, UpdateUserDto } from './dto.js';
import { ApiTokenView, IssuedApiTokenView, UserView } from './user.view.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @ApiOperation({ summary: 'List staff users' })
  @ApiOkResponse({ type: [UserView] })
  list() {
    return this.users.list();
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a staff user' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'The email is taken' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.create(body, me.user.id, req.id);
  }

  @Patch('users/:id')
  @ApiOperation({ summary: "Change a user's name, role or password, or (de)activate them" })
  @ApiOkResponse({ type: UserView })
  update(@Param() { id }: IdParam, @Body() body: UpdateUserDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.update(id, body, me.user.id, req.id);
  }

  @Get('api-tokens')
  @ApiOperation({ summary: 'List API tokens (without their secrets)' })
  @ApiOkResponse({ type: [ApiTokenView] })
  listTokens() {
    return this.users.listTokens();
  }

  @Post('api-tokens')
  @ApiOperation({ summary: 'Issue an API token for integrations; the secret is shown once' })
  @ApiCreatedResponse({ type: IssuedApiTokenView })
  issueToken(@Body() body: IssueApiTokenDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.issueToken(body, me.user.id, req.id);
  }

  @Delete('api-tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token' })
  @ApiNoContentResponse()
  revokeToken(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.revokeToken(id, me.user.id, req.id);
  }
}
