import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { Staff } from '../common/access.js';
import { EventsService } from './events.service.js';
import { Returns } from '../common/responses.js';

/** Proxies and browsers drop idle connections; a comment-like ping every 25 s keeps the stream open. */
const KEEPALIVE_MS = 25_000;

@ApiTags('events')
@ApiCookieAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Sse()
  @Returns.media('text/event-stream')
  @Staff()
  @ApiOperation({
    summary:
      'Server-sent events: `document` (status and progress), `claims` (new claims of a document) and `claim` (a claim changed: its id, the audit action and who; no content)',
  })
  stream(): Observable<MessageEvent> {
    return merge(
      this.events.events.pipe(map((event) => ({ type: event.type, data: event }) as MessageEvent)),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }) as MessageEvent)),
    );
  }
}
