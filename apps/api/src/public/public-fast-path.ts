import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notModified } from '@factdesk/publishing';
import { PublicCache } from './public-cache.js';
import { hitHeaders, rememberSiteHeaders, variantFor, type RenderedBody } from './public-wire.js';

/** Marks a request whose response the normal path built from (or stored in) the cache. */
export const FILLED = Symbol('publicFilled');
const HIT = Symbol('publicCacheHit');
export type FillRequest = FastifyRequest & { [FILLED]?: RenderedBody; [HIT]?: true };

/** Whether the fast path answered this request; app.factory logs those at debug level only. */
export const servedFromCache = (request: FastifyRequest) => (request as FillRequest)[HIT] === true;

/**
 * Answers repeat requests for cached public pages and feeds from the very first onRequest hook,
 * before cookies, helmet, Nest's routing, guard and pipes: the response was already built and
 * validated by PublicController for this exact URL, and the data has not changed since (the cache is
 * cleared on every change). Every header is prepared once per entry: the security headers are the ones
 * helmet put on that entry's first, normal response (captured in onSend), so a hit sends exactly what
 * the normal path sends, plus this request's id. Hits are logged at debug level (app.factory's onResponse hook); anything not cached,
 * or cached but not yet sent once the normal way, goes the normal way.
 */
@Injectable()
export class PublicFastPath {
  constructor(adapterHost: HttpAdapterHost, cache: PublicCache) {
    // Registered here, while the application is being created and before app.factory registers its
    // plugins, so this hook runs first.
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return done();
      const hit = cache.byUrl(request.url);
      if (!hit) return done();
      const v = variantFor(hit, request.headers['accept-encoding']);
      const unchanged = hit.status === 200 && notModified(request.headers, v.etag, hit.lastModified);
      const headers = hitHeaders(hit, v, unchanged);
      if (!headers) return done();
      (request as FillRequest)[HIT] = true;
      reply.hijack();
      const raw = reply.raw;
      // writeHead reads the list synchronously, so the shared list's last slot can carry this request's id.
      headers[headers.length - 1] = request.id;
      raw.writeHead(unchanged ? 304 : hit.status, headers);
      if (unchanged || request.method === 'HEAD') raw.end();
      else raw.end(v.body);
    });
    fastify.addHook('onSend', (request: FillRequest, reply, payload, done) => {
      const filled = request[FILLED];
      if (filled) rememberSiteHeaders(filled, reply.getHeaders());
      done(null, payload);
    });
  }
}
