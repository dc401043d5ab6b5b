import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isQuestioner, type DocumentSpeakerDto, type SpeakerDto, type SpeakerRole } from '@factdesk/domain';
import { SpeakersRepository, type SpeakerChange, type SpeakerEntity } from '@factdesk/persistence';
import { FieldValidationException } from '../common/errors.js';
import { given } from '../common/objects.js';
import { containsPattern } from '../common/paging.js';

@Injectable()
export class SpeakersService {
  constructor(private readonly speakers: SpeakersRepository) {}

  /** The speaker known by this name or alias (case-insensitive), created when there is none. */
  findOrCreate(m: EntityManager, name: string): Promise<SpeakerEntity> {
    // Claims are filed under people, never under "Interviewer" or "Moderator": as the worker files them.
    if (isQuestioner(name))
      throw new FieldValidationException([
        {
          field: 'speakerName',
          message: 'is a label for whoever asks the questions (interviewer, moderator, audience), not a speaker',
        },
      ]);
    return this.speakers.findOrCreate(m, name);
  }

  async get(m: EntityManager, id: string): Promise<SpeakerEntity> {
    const speaker = await this.speakers.get(m, id);
    if (!speaker) throw new NotFoundException('No such speaker.');
    return speaker;
  }

  /** One speaker as the list shows it (with its counts). */
  async view(id: string): Promise<SpeakerDto> {
    const [speaker] = await this.speakers.list({ id, limit: 1 });
    if (!speaker) throw new NotFoundException('No such speaker.');
    return speaker;
  }

  list(q: string | undefined, limit: number): Promise<SpeakerDto[]> {
    return this.speakers.list({ pattern: q ? containsPattern(q) : undefined, limit });
  }

  async update(id: string, input: SpeakerChange, actorId: string, requestId: string): Promise<SpeakerEntity> {
    let speaker: SpeakerEntity | null;
    try {
      speaker = await this.speakers.update(
        id,
        given(input),
        (s) => {
          // A new name keeps the old one as an alias (after the given aliases, which replace the old list): the
          // next transcript's "RUBIO:" still finds "Marco Rubio".
          const old = s.name;
          Object.assign(s, given(input));
          if (old.toLowerCase() !== s.name.toLowerCase()) s.aliases = [...s.aliases, old];
          // An alias is another name: never the speaker's own name, never twice.
          s.aliases = [
            ...new Set(s.aliases.map((a) => a.trim()).filter((a) => a && a.toLowerCase() !== s.name.toLowerCase())),
          ];
        },
        { actorId, requestId },
      );
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new ConflictException(`Another speaker is already called ${input.name}; merge them instead.`);
      throw err;
    }
    if (!speaker) throw new NotFoundException('No such speaker.');
    return speaker;
  }

  /** Merges `sourceId` into `targetId`; see SpeakersRepository.merge. */
  async merge(sourceId: string, targetId: string, actorId: string, requestId: string): Promise<SpeakerEntity> {
    if (sourceId === targetId) throw new ConflictException('A speaker cannot be merged into itself.');
    const result = await this.speakers.merge(sourceId, targetId, { actorId, requestId });
    if (result === 'missing') throw new NotFoundException('No such speaker.');
    if (result === 'already_merged')
      throw new ConflictException('One of these speakers was already merged into another.');
    return result;
  }

  /** A document's speakers and their parts in it; 404 when there is no such document. */
  async ofDocument(documentId: string): Promise<DocumentSpeakerDto[]> {
    const speakers = await this.speakers.ofDocument(documentId);
    if (!speakers) throw new NotFoundException('No such document.');
    return speakers;
  }

  /** An editor's word on a speaker's part in one document (null clears it). */
  async setDocumentRole(
    documentId: string,
    speakerId: string,
    role: SpeakerRole | null,
    actorId: string,
    requestId: string,
  ): Promise<DocumentSpeakerDto> {
    const id = await this.speakers.setDocumentRole(documentId, speakerId, role, { actorId, requestId });
    if (!id) throw new NotFoundException('No such document or speaker.');
    return (await this.ofDocument(documentId)).find((d) => d.speaker.id === id)!;
  }
}
