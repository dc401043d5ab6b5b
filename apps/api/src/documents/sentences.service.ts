import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  inSentenceBand,
  planThreshold,
  type DocumentSentenceDto,
  type DocumentSentencesDto,
  type DocumentThresholdDto,
  type PromotedClaimDto,
} from '@factdesk/domain';
import { DocumentSentencesRepository, type UserEntity } from '@factdesk/persistence';
import { toDocumentClaimDto } from '../common/views.js';
import { claimLinkNextJobFor, JobQueue } from '@factdesk/queue';
import type { ListSentencesQuery, PromoteSentenceDto } from './sentences.dto.js';

const NOT_STORED =
  'This document has no stored sentence scores: it was processed before every sentence was kept, or is not processed yet. Its claims are unchanged; an operator can score it again with `npm run backfill:sentences`.';

/** Links a document's claims again from the first (linking skips what it has linked): after claims were added. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** A document's scored sentences: near misses, the threshold an editor moves, and promoting a sentence to a claim. */
@Injectable()
export class SentencesService {
  constructor(
    private readonly sentences: DocumentSentencesRepository,
    private readonly jobs: JobQueue,
  ) {}

  async list(documentId: string, query: ListSentencesQuery): Promise<DocumentSentencesDto> {
    const read = await this.sentences.read(documentId);
    if (!read) throw new NotFoundException('No such document.');
    const { text, sentences: s } = read;
    const band = query.band ?? 'near_misses';
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    if (!s || text === null)
      return {
        documentId,
        stored: false,
        threshold: null,
        detectedThreshold: null,
        sentenceCount: 0,
        total: 0,
        items: [],
        nextOffset: null,
      };
    const claimAt = new Map(read.claims.map((c) => [`${c.start}:${c.end}`, c.id]));
    const chosen: number[] = [];
    for (let i = 0; i < s.starts.length; i++)
      if (inSentenceBand(band, s.scores[i], s.threshold, claimAt.has(`${s.starts[i]}:${s.ends[i]}`))) chosen.push(i);
    // Near misses by score, highest first (reading order among equals); the other bands in reading order.
    if (band === 'near_misses') chosen.sort((a, b) => s.scores[b] - s.scores[a] || a - b);
    const page = chosen.slice(offset, offset + limit);
    const items = page.map((i): DocumentSentenceDto => {
      const at = s.speakerIndexes[i];
      return {
        index: i,
        start: s.starts[i],
        end: s.ends[i],
        text: text.slice(s.starts[i], s.ends[i]),
        score: s.scores[i],
        speaker: at === null ? null : (s.speakers[at] ?? null),
        claimType: s.claimTypes[i],
        claimId: claimAt.get(`${s.starts[i]}:${s.ends[i]}`) ?? null,
      };
    });
    return {
      documentId,
      stored: true,
      threshold: s.threshold,
      detectedThreshold: s.detectedThreshold,
      sentenceCount: s.starts.length,
      total: chosen.length,
      items,
      nextOffset: offset + limit < chosen.length ? offset + limit : null,
    };
  }

  /**
   * Moves the document's threshold (libs/domain's planThreshold): sentences at or above it become claims;
   * the detector's claims below it that nobody touched leave the inbox; anything a person made, touched or
   * triaged stays.
   */
  async setThreshold(
    documentId: string,
    threshold: number,
    user: UserEntity,
    requestId: string,
  ): Promise<DocumentThresholdDto> {
    const result = await this.sentences.setThreshold(
      documentId,
      threshold,
      { actorId: user.id, requestId },
      (scores, claimAt) =>
        planThreshold(
          scores.map((score, i) => ({ score, claim: claimAt(i) })),
          threshold,
        ),
    );
    if (!result) throw await this.absent(documentId);
    if (result.created) await this.relink(documentId);
    return { documentId, threshold, ...result };
  }

  /** Makes one sentence a claim (idempotent: a sentence that is one answers its claim, 200 instead of 201). */
  async promote(
    documentId: string,
    span: PromoteSentenceDto,
    user: UserEntity,
    requestId: string,
  ): Promise<PromotedClaimDto> {
    const result = await this.sentences.promote(documentId, span, { actorId: user.id, requestId });
    if (!result.stored) throw await this.absent(documentId);
    if (!result.claimId) throw new NotFoundException('This document has no sentence with these offsets.');
    if (result.created) await this.relink(documentId);
    const claim = await this.sentences.claim(result.claimId);
    return { created: result.created, claim: toDocumentClaimDto(claim!) };
  }

  private async absent(documentId: string): Promise<Error> {
    return (await this.sentences.documentExists(documentId))
      ? new ConflictException(NOT_STORED)
      : new NotFoundException('No such document.');
  }

  /** New claims get their "checked before" and near-duplicate links like the detector's (best effort: Redis may be away). */
  private async relink(documentId: string): Promise<void> {
    await this.jobs.offer(claimLinkNextJobFor(documentId, `relink-${documentId}-${Date.now()}`, FIRST_ID));
  }
}
