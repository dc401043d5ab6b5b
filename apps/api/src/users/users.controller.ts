import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { CreateUserDto, IssueApiTokenDto, UpdateUserDto } from './dto.js';
import { UsersService } from './users.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('admin')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Returns.many('UserDto')
  @ApiOperation({ summary: 'List staff users' })
  list() {
    return this.users.list();
  }

  @Post('users')
  @Returns.one('UserDto', { status: 201, errors: {} })
  @ApiOperation({ summary: 'Create a staff user' })
  @ApiConflictResponse({ description: 'The email is taken' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.create(body, me.user.id, req.id);
  }

  @Patch('users/:id')
  @Returns.one('UserDto')
  @ApiOperation({ summary: "Change a user's name, role or password, or (de)activate them" })
  update(
    @Param() { id }: IdParam,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.users.update(id, body, me.user.id, req.id);
  }

  @Get('api-tokens')
  @Returns.many('ApiTokenDto')
  @ApiOperation({ summary: 'List API tokens (without their secrets)' })
  listTokens() {
    return this.users.listTokens();
  }

  @Post('api-tokens')
  @Returns.one('IssuedApiTokenDto', { status: 201 })
  @ApiOperation({ summary: 'Issue an API token for integrations; the secret is shown once' })
  issueToken(@Body() body: IssueApiTokenDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.issueToken(body, me.user.id, req.id);
  }

  @Delete('api-tokens/:id')
  @Returns.nothing()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token' })
  revokeToken(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.users.revokeToken(id, me.user.id, req.id);
  }
}
