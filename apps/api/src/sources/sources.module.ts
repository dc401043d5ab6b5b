import { Body, Controller, Delete, Get, HttpCode, Injectable, Logger, Module, NotFoundException, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, PartialType } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { MONITORED_SOURCE_KINDS, SOURCE_FAILING_AFTER, type ClaimSummaryDto, type MonitoredSourceDto, type MonitoredSourceKind, type TodayDto } from '@factdesk/domain';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import { findOrCreateSpeaker, MonitoredSourceEntity } from '@factdesk/persistence';
import { QUEUE_NAMES, sourceSchedulerId } from '@factdesk/queue';
import { AuditService } from '../audit/audit.service.js';
import { listClaims } from '../claims/claims.query.js';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import { QueuesService } from '../queues/queues.service.js';
import { IdParam } from '../users/dto.js';
import { trim } from '../common/transforms.js';

class CreateSourceDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'An RSS, Atom or JSON feed, or an HTML listing page' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ enum: MONITORED_SOURCE_KINDS, default: 'feed' })
  @IsOptional()
  @IsIn(MONITORED_SOURCE_KINDS, { message: 'must be feed or html' })
  kind?: MonitoredSourceKind;

  @ApiPropertyOptional({ nullable: true, description: "Whose words the source's documents are, unless they say otherwise" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  defaultSpeakerName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  defaultOutlet?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  pollIntervalMinutes?: number;

  @ApiPropertyOptional({ description: 'false pauses polling', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

class UpdateSourceDto extends PartialType(CreateSourceDto) {}

class TodayQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Claims detected since (default: 24 hours ago), e.g. your last visit' })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO date-time' })
  since?: string;
}

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
    status: !s.enabled ? 'paused' : s.consecutiveFailures >= SOURCE_FAILING_AFTER ? 'failing' : s.lastCheckedAt ? 'ok' : 'new',
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
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queues: QueuesService,
    private readonly audit: AuditService,
  ) {}

  private async get(id: string): Promise<MonitoredSourceEntity> {
    const source = await this.db.getRepository(MonitoredSourceEntity).findOne({ where: { id }, relations: { defaultSpeaker: true } });
    if (!source) throw new NotFoundException('No such source.');
    return source;
  }

  async list(): Promise<MonitoredSourceDto[]> {
    return (await this.db.getRepository(MonitoredSourceEntity).find({ relations: { defaultSpeaker: true }, order: { name: 'ASC' } })).map(toDto);
  }

  /**
   * Keeps the source's poll schedule in step: its interval when enabled, none when paused. Best effort:
   * with Redis away, the worker's periodic reconciliation does it later.
   */
  private async schedule(source: MonitoredSourceEntity): Promise<void> {
    const queue = this.queues.get(QUEUE_NAMES.sourcePoll);
    try {
      if (source.enabled) await queue.upsertJobScheduler(sourceSchedulerId(source.id), { every: source.pollIntervalMinutes * 60_000 }, { name: 'poll', data: { sourceId: source.id } });
      else await queue.removeJobScheduler(sourceSchedulerId(source.id));
    } catch (err) {
      this.logger.warn(`schedule of source ${source.id} left to the worker: ${(err as Error).message}`);
    }
  }

  private async apply(source: MonitoredSourceEntity, input: UpdateSourceDto): Promise<void> {
    if (input.url !== undefined) {
      try {
        source.url = (await assertFetchableUrl(input.url, this.config.outbound)).toString();
      } catch (err) {
        if (err instanceof OutboundRequestError) throw new FieldValidationException([{ field: 'url', message: err.message }]);
        throw err;
      }
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
    if (input.defaultSpeakerName !== undefined) {
      source.defaultSpeaker = input.defaultSpeakerName ? await findOrCreateSpeaker(this.db.manager, { name: input.defaultSpeakerName }) : null;
      source.defaultSpeakerId = source.defaultSpeaker?.id ?? null;
    }
  }

  async create(input: CreateSourceDto, user: { id: string }, requestId: string): Promise<MonitoredSourceDto> {
    const repo = this.db.getRepository(MonitoredSourceEntity);
    const source = repo.create({ kind: 'feed', pollIntervalMinutes: 60, enabled: true, createdById: user.id });
    await this.apply(source, input);
    await repo.save(source);
    await this.audit.record({ actorId: user.id, action: 'source.create', entityType: 'source', entityId: source.id, after: { ...toDto(source) }, requestId });
    await this.schedule(source);
    return toDto(source);
  }

  async update(id: string, input: UpdateSourceDto, user: { id: string }, requestId: string): Promise<MonitoredSourceDto> {
    const source = await this.get(id);
    const before = toDto(source);
    await this.apply(source, input);
    const { defaultSpeaker: _s, createdBy: _c, ...columns } = source;
    await this.db.getRepository(MonitoredSourceEntity).save(columns as MonitoredSourceEntity);
    await this.audit.record({ actorId: user.id, action: 'source.update', entityType: 'source', entityId: id, before: { ...before }, after: { ...toDto(source) }, requestId });
    await this.schedule(source);
    return toDto(source);
  }

  async remove(id: string, user: { id: string }, requestId: string): Promise<void> {
    const source = await this.get(id);
    await this.db.getRepository(MonitoredSourceEntity).delete({ id });
    await this.audit.record({ actorId: user.id, action: 'source.delete', entityType: 'source', entityId: id, before: { ...toDto(source) }, requestId });
    await this.schedule({ ...source, enabled: false } as MonitoredSourceEntity);
  }

  async pollNow(id: string): Promise<{ queued: boolean }> {
    await this.get(id);
    try {
      await this.queues.get(QUEUE_NAMES.sourcePoll).add('poll', { sourceId: id, manual: true });
      return { queued: true };
    } catch {
      return { queued: false };
    }
  }
}

/**
 * The morning list: claims detected since a moment (24 hours ago by default), checked-before matches on
 * top, then by score, grouped by speaker and by source.
 */
export async function today(db: DataSource, since: Date, userId: string): Promise<TodayDto> {
  const page = await listClaims(db, { detectedSince: since.toISOString(), state: ['detected', 'accepted'], checkworthy: true, sort: 'score', limit: 100 }, userId);
  const ranked = [...page.items].sort((a, b) => Number(!!b.checkedBefore) - Number(!!a.checkedBefore) || b.score - a.score);
  const docSources: { document_id: string; source_id: string | null; source_name: string | null }[] = ranked.length
    ? await db.query(`SELECT d.id AS document_id, s.id AS source_id, s.name AS source_name FROM documents d LEFT JOIN monitored_sources s ON s.id = d.monitored_source_id WHERE d.id = ANY($1::uuid[])`, [[...new Set(ranked.flatMap((c) => (c.document ? [c.document.id] : [])))]])
    : [];
  const sourceOf = (c: ClaimSummaryDto) => docSources.find((d) => d.document_id === c.document?.id);
  const group = (key: (c: ClaimSummaryDto) => string) => {
    const groups = new Map<string, ClaimSummaryDto[]>();
    for (const c of ranked) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return [...groups.entries()].map(([name, claims]) => ({ name, count: claims.length, claims }));
  };
  return {
    since: since.toISOString(),
    total: ranked.length,
    checkedBefore: ranked.filter((c) => c.checkedBefore),
    claims: ranked,
    bySpeaker: group((c) => c.speaker?.name ?? 'Unattributed'),
    bySource: group((c) => sourceOf(c)?.source_name ?? 'Submitted by staff'),
  };
}

@ApiTags('sources')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('editor')
@Controller()
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('sources')
  @ApiOperation({ summary: 'Monitored sources with their last check, last new item, last error and status' })
  list() {
    return this.sources.list();
  }

  @Post('sources')
  @ApiOperation({ summary: 'Follow a feed or listing page; its new items become documents' })
  create(@Body() body: CreateSourceDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.sources.create(body, me.user, req.id);
  }

  @Patch('sources/:id')
  @ApiOperation({ summary: 'Edit, pause (enabled: false) or resume a source, or change its interval' })
  update(@Param() { id }: IdParam, @Body() body: UpdateSourceDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.sources.update(id, body, me.user, req.id);
  }

  @Delete('sources/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following a source (its documents stay)' })
  remove(@Param() { id }: IdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.sources.remove(id, me.user, req.id);
  }

  @Post('sources/:id/poll')
  @HttpCode(202)
  @ApiOperation({ summary: 'Check a source now' })
  poll(@Param() { id }: IdParam) {
    return this.sources.pollNow(id);
  }

  @Get('today')
  @ApiOperation({ summary: "Today's claims: detected in the last 24 hours (or since), checked-before first, by score, grouped by speaker and source" })
  today(@Query() query: TodayQuery, @CurrentPrincipal() me: Principal) {
    return today(this.db, query.since ? new Date(query.since) : new Date(Date.now() - 24 * 3600_000), me.user.id);
  }
}

@Module({ controllers: [SourcesController], providers: [SourcesService] })
export class SourcesModule {}
