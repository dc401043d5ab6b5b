import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@factdesk/domain';
import type { FastifyRequest } from 'fastify';
import type { UserEntity } from '@factdesk/persistence';

export const PUBLIC_KEY = 'factdesk:public';
export const ROLES_KEY = 'factdesk:roles';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Signed-in users with one of these roles may call this route (admins pass wherever editors do).
 * A route with neither @Public nor @Roles is refused to everyone: access is denied by default.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in staff member. */
export const Staff = () => Roles('admin', 'editor', 'reviewer');

export interface Principal {
  user: UserEntity;
  via: 'session' | 'token';
  sessionId: string | null;
  sessionExpiresAt: Date | null;
}

export type AppRequest = FastifyRequest & { principal?: Principal };

/** The signed-in principal; only on routes the guard has authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AppRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
