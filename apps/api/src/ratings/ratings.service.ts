import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { RatingDto } from '@factdesk/domain';
import { RatingsRepository, type RatingActor } from '@factdesk/persistence';
import { given } from '../common/objects.js';
import { toRatingDto } from '../common/views.js';
import type { CreateRatingDto, UpdateRatingDto } from './dto.js';

@Injectable()
export class RatingsService {
  constructor(private readonly ratings: RatingsRepository) {}

  private actor(actorId: string, requestId: string): RatingActor {
    return { actorId, requestId, describe: (r) => ({ ...toRatingDto(r) }) };
  }

  async list(): Promise<RatingDto[]> {
    return (await this.ratings.list()).map(toRatingDto);
  }

  async create(input: CreateRatingDto, actorId: string, requestId: string): Promise<RatingDto> {
    const rating = await this.ratings.create(
      { ...given(input), slug: input.slug, label: input.label },
      this.actor(actorId, requestId),
    );
    if (!rating) throw new ConflictException(`A rating with the slug ${input.slug} exists.`);
    return toRatingDto(rating);
  }

  async update(id: string, input: UpdateRatingDto, actorId: string, requestId: string): Promise<RatingDto> {
    const rating = await this.ratings.update(id, given(input), this.actor(actorId, requestId));
    if (!rating) throw new NotFoundException('No such rating.');
    return toRatingDto(rating);
  }
}
