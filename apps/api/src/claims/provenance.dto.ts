import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import type { ClaimProvenanceInput } from '@factdesk/domain';
import { IsIsoDate } from '../common/dates.js';
import { trim } from '../common/transforms.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = { message: 'must be an http(s) address' };
/** Validated when a value is given; null (clear the claim's own, inherit the document's) passes. */
const whenGiven = ValidateIf((_, v) => v !== null && v !== undefined);

/** PUT /api/claims/:id/provenance: each field set, cleared (null) or left as it is (absent). */
export class ClaimProvenanceBody implements ClaimProvenanceInput {
  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'When it was said' })
  @whenGiven
  @IsIsoDate('date-time')
  saidAt?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Where: the event or venue' })
  @Transform(trim)
  @whenGiven
  @IsString()
  @MinLength(1, { message: 'must not be empty (send null to clear it)' })
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({ nullable: true, description: "The original's address (transcript, article, post)" })
  @Transform(trim)
  @whenGiven
  @IsUrl(HTTP_URL, URL_MESSAGE)
  @MaxLength(2000)
  sourceUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A recording of it (video or audio)' })
  @Transform(trim)
  @whenGiven
  @IsUrl(HTTP_URL, URL_MESSAGE)
  @MaxLength(2000)
  mediaUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'Where in the recording it is said, in seconds' })
  @whenGiven
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000_000)
  mediaStartSeconds?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'The public name of where it appeared' })
  @Transform(trim)
  @whenGiven
  @IsString()
  @MinLength(1, { message: 'must not be empty (send null to clear it)' })
  @MaxLength(300)
  appearedIn?: string | null;
}
