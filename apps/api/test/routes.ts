import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@factdesk/domain';
import { PUBLIC_KEY, ROLES_KEY } from '../src/common/access.js';
import { PUBLIC_INDEX_ROUTE, PUBLIC_PATHS } from '../src/public/public.controller.js';

/** Routes app.factory excludes from the `api` global prefix: the public site at the root. */
const UNPREFIXED = new Set<string>(PUBLIC_PATHS.map((p) => `/${p}`));

export interface AppRoute {
  method: string;
  path: string;
  rule: 'public' | Role[] | 'none';
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;

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
      routes.push({ method, path: own === `/${PUBLIC_INDEX_ROUTE}` ? '/fact-checks' : UNPREFIXED.has(own) ? own : join('api', own), rule: isPublic ? 'public' : roles?.length ? roles : 'none' });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
