import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@factdesk/config';
import type { MeDto } from '@factdesk/domain';
import { Public, type AppRequest, type Principal } from '../common/access.js';
import { InjectConfig } from '../common/config.js';
import { LoginDto } from '../users/dto.js';
import { toUserDto } from '../common/views.js';
import { AuthService } from './auth.service.js';
import { SessionsService } from './sessions.service.js';
import { SESSION_COOKIE } from './tokens.js';
import { Returns } from '../common/responses.js';

const toMe = (p: Principal, config: AppConfig): MeDto => ({
  user: toUserDto(p.user),
  via: p.via,
  sessionExpiresAt: p.sessionExpiresAt?.toISOString() ?? null,
  limits: { documentMaxBytes: config.documentMaxBytes },
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('auth/login')
  @Returns.one('MeDto')
  @Public()
  @HttpCode(200)
  @RouteConfig({ rateLimit: { groupId: 'login' } })
  @ApiOperation({ summary: 'Sign in with email and password; sets an httpOnly session cookie' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async login(
    @Body() body: LoginDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeDto> {
    const { token, session, user } = await this.auth.login(body.email, body.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      previousToken: req.cookies?.[SESSION_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    });
    return toMe({ user, via: 'session', sessionId: session.id, sessionExpiresAt: session.expiresAt }, this.config);
  }

  @Post('auth/logout')
  @Returns.nothing()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revokes the session and clears its cookie' })
  async logout(@Req() req: AppRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (req.principal) await this.sessions.revokeSession(req.principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  // Public: "nobody" is an answer here, not an error (the web app asks on every page, the sign-in page too).
  // A bearer token that is not valid is still a 401 (the guard's), so integrations learn of it.
  @Get('me')
  @Returns.oneOrNull('MeDto')
  @Public()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Who is signed in, and with which role: null when nobody is' })
  me(@Req() req: AppRequest): MeDto | null {
    return req.principal ? toMe(req.principal, this.config) : null;
  }
}
