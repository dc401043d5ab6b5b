import type { EntityManager } from 'typeorm';
import { SpeakerEntity } from './entities/speaker.entity.js';

/** The (unmerged) speaker known by any of these names or aliases, case-insensitively. */
export async function findSpeakerByNames(m: EntityManager, names: string[]): Promise<SpeakerEntity | null> {
  const lowered = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (!lowered.length) return null;
  return m
    .getRepository(SpeakerEntity)
    .createQueryBuilder('s')
    .where('s.merged_into_id IS NULL')
    .andWhere('(lower(s.name) = ANY(:names) OR EXISTS (SELECT 1 FROM unnest(s.aliases) alias WHERE lower(alias) = ANY(:names)))', { names: lowered })
    .orderBy('s.created_at')
    .getOne();
}

/**
 * The speaker behind a name (and its aliases): found by any of them, created when unknown. Aliases seen
 * for the first time are added, so "FM Lavrov" in one document finds "Sergey Lavrov" in the next.
 * Safe under concurrency: a parallel creation of the same name is absorbed by the unique index.
 */
export async function findOrCreateSpeaker(m: EntityManager, input: { name: string; aliases?: string[]; kind?: SpeakerEntity['kind'] }): Promise<SpeakerEntity> {
  const names = [input.name, ...(input.aliases ?? [])];
  const repo = m.getRepository(SpeakerEntity);
  let speaker = await findSpeakerByNames(m, names);
  if (!speaker) {
    const aliases = [...new Set((input.aliases ?? []).filter((a) => a.toLowerCase() !== input.name.toLowerCase()))];
    await repo.createQueryBuilder().insert().values({ name: input.name, aliases, kind: input.kind ?? 'person' }).orIgnore().execute();
    speaker = await findSpeakerByNames(m, names);
    if (!speaker) throw new Error(`speaker ${input.name} could be neither found nor created`);
    return speaker;
  }
  const known = new Set([speaker.name, ...speaker.aliases].map((a) => a.toLowerCase()));
  const fresh = names.filter((n) => n.trim() && !known.has(n.trim().toLowerCase()));
  if (fresh.length) {
    speaker.aliases = [...speaker.aliases, ...new Set(fresh.map((n) => n.trim()))];
    await repo.update({ id: speaker.id }, { aliases: speaker.aliases });
  }
  return speaker;
}
