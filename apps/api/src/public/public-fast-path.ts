import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PublicCache } from './public-cache.js';
import { send } from './public.controller.js';

/**
 * Answers repeat requests for cached public pages and feeds in a Fastify onRequest hook, before Nest's
 * routing, guard and pipes: the response was already built and validated by PublicController for this
 * exact URL, and the data has not changed since (the cache is cleared on every change). Security
 * headers (helmet) and the request id are added by hooks that still run. Anything not cached goes the
 * normal way.
 */
@Injectable()
export class PublicFastPath implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cache: PublicCache,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const hit = this.cache.byUrl(request.url);
      if (!hit) return;
      send(request, reply, hit);
      return reply;
    });
  }
}
