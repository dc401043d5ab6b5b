import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllowed, type Role } from '@factdesk/domain';
import type { AppConfig } from '@factdesk/config';
import { InjectConfig } from '../common/config.js';
import { PUBLIC_KEY, ROLES_KEY, type AppRequest } from '../common/access.js';
import { SessionsService } from './sessions.service.js';
import { SESSION_COOKIE } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one access check for every route: authenticates the request (bearer token or session cookie),
 * refuses cross-site cookie writes, then applies the route's @Public / @Roles rule. A route with
 * no rule is refused to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AppRequest>();

    if (!isPublic && !roles?.length) {
      this.logger.error(`route ${request.method} ${request.routeOptions.url} has no access rule; refused`);
      throw new ForbiddenException('This route is not open to anyone.');
    }

    const bearer = this.bearerToken(request);
    if (bearer !== undefined) {
      const principal = await this.sessions.resolveApiToken(bearer);
      if (!principal) throw new UnauthorizedException('The API token is invalid, expired or revoked.');
      request.principal = principal;
    } else {
      const cookie = request.cookies?.[SESSION_COOKIE];
      const principal = cookie ? await this.sessions.resolveSession(cookie) : null;
      if (principal) request.principal = principal;
      // Browsers attach cookies to cross-site requests; only our own pages may write with them.
      // Sign-in itself is checked too when the browser says where it comes from (login CSRF).
      if (!SAFE_METHODS.has(request.method) && (cookie || request.headers.origin)) this.assertSameOrigin(request);
    }

    if (isPublic) return true;
    if (!request.principal) throw new UnauthorizedException('Sign in to continue.');
    if (!roleAllowed(request.principal.user.role, roles!)) {
      throw new ForbiddenException(
        `This needs the ${roles!.join(' or ')} role; you are signed in as ${request.principal.user.role}.`,
      );
    }
    return true;
  }

  private bearerToken(request: AppRequest): string | undefined {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('The Authorization header must be "Bearer <token>".');
    return match[1];
  }

  private assertSameOrigin(request: AppRequest): void {
    if (!sameOrigin(request, this.config.appOrigins)) throw new ForbiddenException(CROSS_SITE_REFUSED);
  }
}

export const CROSS_SITE_REFUSED = 'Cross-site request refused: writes must come from the Factdesk app itself.';

/**
 * The CSRF rule of cookie writes: the browser's Origin (or, failing that, Referer) is this server or one of
 * the app's configured origins. Also applied by the queue dashboard, whose routes the guard does not see.
 */
export function sameOrigin(
  request: { protocol: string; headers: { origin?: string; referer?: string; host?: string } },
  appOrigins: readonly string[],
): boolean {
  const origin = request.headers.origin || refererOrigin(request.headers.referer);
  const own = `${request.protocol}://${request.headers.host}`;
  return Boolean(origin && (origin === own || appOrigins.includes(origin)));
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
