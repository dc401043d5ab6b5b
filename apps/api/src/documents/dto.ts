import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  IsUUID,
} from 'class-validator';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@factdesk/domain';
import { trim, wholeNumber } from '../common/transforms.js';
import { PageLimitQuery } from '../common/paging.js';
import { IsIsoDate } from '../common/dates.js';

/** What a person may say about a document, whichever way it arrives. */
export class DocumentMetadataDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ description: 'Outlet or publisher' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  outlet?: string;

  @ApiPropertyOptional({ description: 'Where the document was published' })
  @IsOptional()
  @Transform(trim)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(2000)
  sourceUrl?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoDate('date-time')
  publishedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was said (a date, or a date-time with offset)' })
  @IsOptional()
  @IsIsoDate('date-time')
  saidAt?: string;

  @ApiPropertyOptional({ description: 'Where it was said: the event or venue' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(300)
  venue?: string;

  @ApiPropertyOptional({ description: 'A recording of it (video or audio)' })
  @IsOptional()
  @Transform(trim)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(2000)
  mediaUrl?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Where in the recording it starts, in seconds' })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(1_000_000_000)
  mediaStartSeconds?: number;

  @ApiPropertyOptional({ description: 'The public name of where it appeared (readers see this, not the title)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(300)
  appearedIn?: string;

  @ApiPropertyOptional({ description: 'BCP 47 language tag', default: 'en' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'must be a language tag such as en or en-GB' })
  language?: string;
}

export class CreateDocumentDto extends DocumentMetadataDto {
  @ApiPropertyOptional({ description: 'The document text (give text or url)' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  text?: string;

  @ApiPropertyOptional({ description: 'A page to fetch (give text or url)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  url?: string;
}

export class ListDocumentsQuery extends PageLimitQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES, { message: `must be one of ${DOCUMENT_STATUSES.join(', ')}` })
  status?: DocumentStatus;

  @ApiPropertyOptional({ description: 'Part of the title or outlet' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  submittedBy?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
