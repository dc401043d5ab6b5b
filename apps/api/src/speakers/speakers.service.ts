import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SpeakerDto } from '@factdesk/domain';
import { ClaimEntity, FactCheckEntity, findOrCreateSpeaker, SpeakerEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { given } from '../common/objects.js';
import { containsPattern } from '../common/paging.js';

@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The speaker known by this name or alias (case-insensitive), created when there is none. */
  findOrCreate(m: EntityManager, name: string): Promise<SpeakerEntity> {
    return findOrCreateSpeaker(m, { name });
  }

  async get(m: EntityManager, id: string): Promise<SpeakerEntity> {
    const speaker = await m.getRepository(SpeakerEntity).findOneBy({ id });
    if (!speaker) throw new NotFoundException('No such speaker.');
    return speaker.mergedIntoId ? this.get(m, speaker.mergedIntoId) : speaker;
  }

  async list(q: string | undefined, limit: number): Promise<SpeakerDto[]> {
    const params: unknown[] = [limit];
    const filter = q ? `AND (s.name ILIKE $2 OR EXISTS (SELECT 1 FROM unnest(s.aliases) alias WHERE alias ILIKE $2))` : '';
    if (q) params.push(containsPattern(q));
    const rows: (Omit<SpeakerDto, 'claimCount' | 'factCheckCount'> & { claim_count: string; fact_check_count: string; same_as: string[] })[] = await this.db.query(
      `SELECT s.id, s.name, s.kind, s.aliases, s.same_as, s.description,
              (SELECT count(*) FROM claims c WHERE c.speaker_id = s.id) AS claim_count,
              (SELECT count(*) FROM fact_checks f WHERE f.speaker_id = s.id) AS fact_check_count
       FROM speakers s WHERE s.merged_into_id IS NULL ${filter}
       ORDER BY claim_count DESC, s.name LIMIT $1`,
      params,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, aliases: r.aliases, sameAs: r.same_as, description: r.description, claimCount: Number(r.claim_count), factCheckCount: Number(r.fact_check_count) }));
  }

  async update(id: string, input: { name?: string; kind?: SpeakerEntity['kind']; aliases?: string[]; sameAs?: string[]; description?: string | null }, actorId: string, requestId: string): Promise<SpeakerEntity> {
    return this.db.transaction(async (m) => {
      const speaker = await this.get(m, id);
      const before = { name: speaker.name, kind: speaker.kind, aliases: speaker.aliases, sameAs: speaker.sameAs, description: speaker.description };
      Object.assign(speaker, given(input));
      speaker.aliases = [...new Set(speaker.aliases.map((a) => a.trim()).filter((a) => a && a.toLowerCase() !== speaker.name.toLowerCase()))];
      try {
        await m.getRepository(SpeakerEntity).save(speaker);
      } catch (err) {
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') throw new ConflictException(`Another speaker is already called ${speaker.name}; merge them instead.`);
        throw err;
      }
      await this.audit.record({ actorId, action: 'speaker.update', entityType: 'speaker', entityId: id, before, after: given(input), requestId }, m);
      return speaker;
    });
  }

  /**
   * Merges `sourceId` into `targetId`: its claims and fact-checks move, its name and aliases become
   * the target's aliases, and it stays behind as a pointer so old links resolve.
   */
  async merge(sourceId: string, targetId: string, actorId: string, requestId: string): Promise<SpeakerEntity> {
    if (sourceId === targetId) throw new ConflictException('A speaker cannot be merged into itself.');
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(SpeakerEntity);
      const [source, target] = await Promise.all([repo.findOne({ where: { id: sourceId }, lock: { mode: 'pessimistic_write' } }), repo.findOne({ where: { id: targetId }, lock: { mode: 'pessimistic_write' } })]);
      if (!source || !target) throw new NotFoundException('No such speaker.');
      if (source.mergedIntoId || target.mergedIntoId) throw new ConflictException('One of these speakers was already merged into another.');
      const moved = await m.getRepository(ClaimEntity).update({ speakerId: source.id }, { speakerId: target.id });
      await m.getRepository(FactCheckEntity).update({ speakerId: source.id }, { speakerId: target.id });
      const aliases = new Map<string, string>();
      for (const a of [...target.aliases, source.name, ...source.aliases]) if (a.toLowerCase() !== target.name.toLowerCase()) aliases.set(a.toLowerCase(), a);
      target.aliases = [...aliases.values()];
      target.sameAs = [...new Set([...target.sameAs, ...source.sameAs])];
      source.mergedIntoId = target.id;
      await repo.save([target, source]);
      await this.audit.record({ actorId, action: 'speaker.merge', entityType: 'speaker', entityId: target.id, before: { merged: source.id, name: source.name }, after: { into: target.id, aliases: target.aliases, claimsMoved: moved.affected ?? 0 }, requestId }, m);
      return target;
    });
  }
}
