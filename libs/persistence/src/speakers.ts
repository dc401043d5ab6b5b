import type { EntityManager } from 'typeorm';
import type { SpeakerRole } from '@factdesk/domain';
import { SpeakerEntity } from './entities/speaker.entity.js';

const lower = (names: string[]) => [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];

/** Every unmerged speaker known by any of these names or aliases, case-insensitively, oldest first. */
async function speakersByNames(m: EntityManager, names: string[]): Promise<SpeakerEntity[]> {
  const lowered = lower(names);
  if (!lowered.length) return [];
  return m
    .getRepository(SpeakerEntity)
    .createQueryBuilder('s')
    .where('s.merged_into_id IS NULL')
    .andWhere(
      '(lower(s.name) = ANY(:names) OR EXISTS (SELECT 1 FROM unnest(s.aliases) alias WHERE lower(alias) = ANY(:names)))',
      { names: lowered },
    )
    .orderBy('s.created_at')
    .addOrderBy('s.id')
    .getMany();
}

/** The oldest of `speakers` known by one of `names`. */
function knownBy(speakers: SpeakerEntity[], names: string[]): SpeakerEntity | undefined {
  const wanted = new Set(lower(names));
  return speakers.find((s) => [s.name, ...s.aliases].some((n) => wanted.has(n.trim().toLowerCase())));
}

/** The (unmerged) speaker known by any of these names or aliases, case-insensitively. */
export async function findSpeakerByNames(m: EntityManager, names: string[]): Promise<SpeakerEntity | null> {
  return (await speakersByNames(m, names))[0] ?? null;
}

export interface SpeakerInput {
  name: string;
  aliases?: string[];
  kind?: SpeakerEntity['kind'];
}

/**
 * The speakers behind names (each with its aliases), by input name: found by any of them, created when
 * unknown. Aliases seen for the first time are added, so "FM Lavrov" in one document finds "Sergey Lavrov"
 * in the next. One query when every speaker is known (a document's speakers at once, not one by one).
 * Safe under concurrency: a parallel creation of the same name is absorbed by the unique index.
 */
export async function findOrCreateSpeakers(
  m: EntityManager,
  inputs: SpeakerInput[],
): Promise<Map<string, SpeakerEntity>> {
  const namesOf = (input: SpeakerInput) => [input.name, ...(input.aliases ?? [])];
  let known = await speakersByNames(m, inputs.flatMap(namesOf));
  const missing = inputs.filter((input) => !knownBy(known, namesOf(input)));
  if (missing.length) {
    await m
      .getRepository(SpeakerEntity)
      .createQueryBuilder()
      .insert()
      .values(
        missing.map((input) => ({
          name: input.name,
          aliases: [...new Set((input.aliases ?? []).filter((a) => a.toLowerCase() !== input.name.toLowerCase()))],
          kind: input.kind ?? 'person',
        })),
      )
      .orIgnore()
      .execute();
    known = await speakersByNames(m, inputs.flatMap(namesOf));
  }
  const found = new Map<string, SpeakerEntity>();
  const grown = new Set<SpeakerEntity>();
  for (const input of inputs) {
    const speaker = knownBy(known, namesOf(input));
    if (!speaker) throw new Error(`speaker ${input.name} could be neither found nor created`);
    const names = new Set([speaker.name, ...speaker.aliases].map((a) => a.toLowerCase()));
    const fresh = [...new Set(namesOf(input).map((n) => n.trim()))].filter((n) => n && !names.has(n.toLowerCase()));
    if (fresh.length) {
      speaker.aliases = [...speaker.aliases, ...fresh];
      grown.add(speaker);
    }
    found.set(input.name, speaker);
  }
  for (const speaker of grown)
    await m.getRepository(SpeakerEntity).update({ id: speaker.id }, { aliases: speaker.aliases });
  return found;
}

/** One speaker: see findOrCreateSpeakers. */
export async function findOrCreateSpeaker(m: EntityManager, input: SpeakerInput): Promise<SpeakerEntity> {
  return (await findOrCreateSpeakers(m, [input])).get(input.name)!;
}

/**
 * Records each speaker's part in a document as detection read it (one statement; a second detection of the
 * same document overwrites it). An editor's word for the document (document_role) is left as it was.
 */
export async function recordDocumentSpeakers(
  m: EntityManager,
  documentId: string,
  entries: { speakerId: string; role: SpeakerRole | null }[],
): Promise<void> {
  const unique = [...new Map(entries.map((e) => [e.speakerId, e])).values()];
  if (!unique.length) return;
  await m.query(
    `INSERT INTO document_speakers (document_id, speaker_id, detected_role)
     SELECT $1, e.speaker_id, e.role::speaker_role FROM unnest($2::uuid[], $3::text[]) AS e(speaker_id, role)
     ON CONFLICT (document_id, speaker_id) DO UPDATE SET detected_role = EXCLUDED.detected_role`,
    [documentId, unique.map((e) => e.speakerId), unique.map((e) => e.role)],
  );
}
