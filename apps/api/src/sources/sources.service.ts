import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { sourceStatus, type MonitoredSourceDto } from '@factdesk/domain';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import {
  SourcesRepository,
  type MonitoredSourceEntity,
  type SourceChange,
  type SourceChangeActor,
} from '@factdesk/persistence';
import { JobQueue, sourcePollJobFor, sourcePollSchedule } from '@factdesk/queue';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import type { CreateSourceDto, UpdateSourceDto } from './dto.js';

function toDto(s: MonitoredSourceEntity): MonitoredSourceDto {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    kind: s.kind,
    defaultSpeaker: s.defaultSpeaker ? { id: s.defaultSpeaker.id, name: s.defaultSpeaker.name } : null,
    defaultOutlet: s.defaultOutlet,
    pollIntervalMinutes: s.pollIntervalMinutes,
    enabled: s.enabled,
    status: sourceStatus(s),
    lastCheckedAt: s.lastCheckedAt?.toISOString() ?? null,
    lastNewItemAt: s.lastNewItemAt?.toISOString() ?? null,
    lastError: s.lastError,
    consecutiveFailures: s.consecutiveFailures,
  };
}

@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly sources: SourcesRepository,
  ) {}

  private async get(id: string): Promise<MonitoredSourceEntity> {
    const source = await this.sources.find(id);
    if (!source) throw new NotFoundException('No such source.');
    return source;
  }

  async list(): Promise<MonitoredSourceDto[]> {
    return (await this.sources.list()).map(toDto);
  }

  /**
   * Keeps the source's poll schedule in step: its interval when enabled, none when paused. Best effort:
   * with Redis away, the worker's periodic reconciliation does it later.
   */
  private async schedule(source: MonitoredSourceEntity): Promise<void> {
    try {
      if (source.enabled) await this.jobs.upsertSchedule(sourcePollSchedule(source));
      else await this.jobs.removeSchedule(sourcePollSchedule(source));
    } catch (err) {
      this.logger.warn(`schedule of source ${source.id} left to the worker: ${(err as Error).message}`);
    }
  }

  /** The change the input asks for, its URL checked against the address rules first. */
  private async change(input: UpdateSourceDto): Promise<SourceChange> {
    let url: string | undefined;
    if (input.url !== undefined) {
      try {
        url = (await assertFetchableUrl(input.url, this.config.outbound)).toString();
      } catch (err) {
        if (err instanceof OutboundRequestError)
          throw new FieldValidationException([{ field: 'url', message: err.message }]);
        throw err;
      }
    }
    return {
      fill: (source) => {
        if (url !== undefined) {
          source.url = url;
          source.etag = null;
          source.lastModified = null;
        }
        if (input.name !== undefined) source.name = input.name;
        if (input.kind !== undefined) source.kind = input.kind;
        if (input.defaultOutlet !== undefined) source.defaultOutlet = input.defaultOutlet || null;
        if (input.pollIntervalMinutes !== undefined) source.pollIntervalMinutes = input.pollIntervalMinutes;
        if (input.enabled !== undefined) {
          source.enabled = input.enabled;
          if (input.enabled) source.consecutiveFailures = 0;
        }
      },
      defaultSpeakerName: input.defaultSpeakerName,
    };
  }

  private actor(user: { id: string }, requestId: string): SourceChangeActor {
    return { actorId: user.id, requestId, describe: (s) => ({ ...toDto(s) }) };
  }

  async create(input: CreateSourceDto, user: { id: string }, requestId: string): Promise<MonitoredSourceDto> {
    const source = await this.sources.create(
      { kind: 'feed', pollIntervalMinutes: 60, enabled: true, createdById: user.id },
      await this.change(input),
      this.actor(user, requestId),
    );
    await this.schedule(source);
    return toDto(source);
  }

  async update(
    id: string,
    input: UpdateSourceDto,
    user: { id: string },
    requestId: string,
  ): Promise<MonitoredSourceDto> {
    const source = await this.sources.update(id, await this.change(input), this.actor(user, requestId));
    if (!source) throw new NotFoundException('No such source.');
    await this.schedule(source);
    return toDto(source);
  }

  async remove(id: string, user: { id: string }, requestId: string): Promise<void> {
    const source = await this.sources.remove(id, this.actor(user, requestId));
    if (!source) throw new NotFoundException('No such source.');
    await this.schedule({ ...source, enabled: false } as MonitoredSourceEntity);
  }

  async pollNow(id: string): Promise<{ queued: boolean }> {
    await this.get(id);
    return { queued: await this.jobs.offer(sourcePollJobFor(id)) };
  }
}
