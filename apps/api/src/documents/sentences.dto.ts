import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { SENTENCE_BANDS, type SentenceBand } from '@factdesk/domain';

/** The most sentences one page holds: a 4,000-sentence debate in four pages. */
export const SENTENCE_PAGE_MAX = 1000;

export class ListSentencesQuery {
  @ApiPropertyOptional({
    enum: SENTENCE_BANDS,
    default: 'near_misses',
    description: 'near_misses: below the threshold and no claim, highest score first; claims and all: reading order',
  })
  @IsOptional()
  @IsIn(SENTENCE_BANDS, { message: `must be one of ${SENTENCE_BANDS.join(', ')}` })
  band?: SentenceBand;

  @ApiPropertyOptional({ minimum: 1, maximum: SENTENCE_PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SENTENCE_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'nextOffset of the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class SetThresholdDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Sentences scoring at or above it are claims' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  threshold: number;
}

export class PromoteSentenceDto {
  @ApiProperty({ description: "The sentence's start offset in the document's text" })
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty({ description: "The sentence's end offset" })
  @IsInt()
  @Min(0)
  end: number;
}
