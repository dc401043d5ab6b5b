import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { notModified } from '@factdesk/publishing';
import { PublicCache } from './public-cache.js';
import { rewritePublicUrl } from './public-paths.js';
import { hitHeaders, rememberSiteHeaders, variantFor, type RenderedBody } from './public-wire.js';

/** Marks a request whose response the normal path built from (or stored in) the cache. */
export const FILLED = Symbol('publicFilled');
export type FillRequest = FastifyRequest & { [FILLED]?: RenderedBody };

/**
 * Answers a repeat request for a cached public page or feed at the HTTP server, before Fastify
 * (app.factory puts it in front through `serverFactory`): the response was already built and validated
 * by PublicController for this exact URL, and the data has not changed since (the cache is cleared on
 * every change), so a hit needs no routing, hooks, guard or pipes — it costs about what a bare server's
 * hello-world does. Every header is prepared once per entry: the security headers are the ones helmet
 * put on that entry's first, normal response (captured by PublicFastPath's onSend hook), so a hit sends
 * exactly what the normal path sends, plus this request's id. Returns false for anything not cached, or
 * cached but not yet sent once the normal way: that goes to Fastify.
 */
export function answerFromCache(cache: PublicCache, requestId: (req: IncomingMessage) => string, log: Logger) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const hit = cache.byUrl(rewritePublicUrl(req.url ?? '/'));
    if (!hit) return false;
    const v = variantFor(hit, req.headers['accept-encoding']);
    const unchanged = hit.status === 200 && notModified(req.headers, v.etag, hit.lastModified);
    const headers = hitHeaders(hit, v, unchanged);
    if (!headers) return false;
    const id = requestId(req);
    // writeHead reads the list synchronously, so the shared list's last slot can carry this request's id.
    headers[headers.length - 1] = id;
    const status = unchanged ? 304 : hit.status;
    res.writeHead(status, headers);
    if (unchanged || req.method === 'HEAD') res.end();
    else res.end(v.body);
    if (log.isLevelEnabled('debug'))
      log.debug({ reqId: id, method: req.method, url: req.url, statusCode: status, cached: true }, 'request completed');
    return true;
  };
}

/** Keeps the security headers of each entry's first, normal response, for answerFromCache to send on hits. */
@Injectable()
export class PublicFastPath {
  constructor(adapterHost: HttpAdapterHost) {
    adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .addHook('onSend', (request: FillRequest, reply, payload, done) => {
        const filled = request[FILLED];
        if (filled) rememberSiteHeaders(filled, reply.getHeaders());
        done(null, payload);
      });
  }
}
