import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@factdesk/domain';
import { PUBLIC_PATHS, shadowedPath } from '../public/public-paths.js';
import { PUBLIC_KEY, ROLES_KEY } from './access.js';
import { RESPONSE_CONTRACT, type ResponseContract } from './responses.js';

/** Routes app.factory excludes from the `api` global prefix: the public site at the root. */
const UNPREFIXED = new Set<string>(PUBLIC_PATHS.map((p) => `/${p}`));

export interface AppRoute {
  method: string;
  /** The path clients call. */
  path: string;
  /** Fastify's route URL (differs from `path` for the public index and speaker pages, see public-paths.ts). */
  routeUrl: string;
  rule: 'public' | Role[] | 'none';
  /** What the route answers on success, from @Returns; undefined when it declares nothing. */
  contract: ResponseContract | undefined;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route the application's controllers declare, with its access rule, read from Nest's own metadata. */
export function listRoutes(app: NestFastifyApplication): AppRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: AppRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler as never, metatype]);
      const roles = reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler as never, metatype]);
      const own = join(base, String(path));
      const routeUrl = UNPREFIXED.has(own) ? own : join('api', own);
      routes.push({
        method,
        path: shadowedPath(own) ?? routeUrl,
        routeUrl,
        rule: isPublic ? 'public' : roles?.length ? roles : 'none',
        contract: Reflect.getMetadata(RESPONSE_CONTRACT, handler),
      });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
