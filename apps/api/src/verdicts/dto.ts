import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SOURCE_KINDS, type SourceKind } from '@factdesk/domain';
import { trim } from '../common/transforms.js';
import { IsIsoDate } from '../common/dates.js';

export class SourceDto {
  @ApiProperty({ example: 'https://www.osce.org/mc/39569' })
  @Transform(trim)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be an http(s) address' },
  )
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  publisher?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate('date')
  publishedOn?: string;

  @ApiPropertyOptional({ description: 'The passage that supports the verdict' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  quote?: string;

  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS, { message: 'must be primary or secondary' })
  kind: SourceKind;
}

export class VerdictContentDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a rating id' })
  ratingId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  headline?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  conclusion?: string;

  @ApiPropertyOptional({ description: 'Markdown' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  analysis?: string;

  @ApiPropertyOptional({ type: [SourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50, { message: 'can hold at most 50 sources' })
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources?: SourceDto[];
}

export class SaveVerdictDto extends VerdictContentDto {
  @ApiProperty({ description: 'The version this edit started from; 0 for a new verdict' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  version: number;
}

/**
 * A source as it stands mid-edit in a draft: the same limits as a saved one, but any address (the
 * reviewer may still be typing it); the saved verdict insists on http(s).
 */
export class DraftSourceDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  title: string;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  publisher: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(10)
  publishedOn: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  quote: string | null;

  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS, { message: 'must be primary or secondary' })
  kind: SourceKind;
}

/** A whole verdict's content as the editor holds it (every field present), for a draft. */
export class DraftContentDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a rating id' })
  ratingId: string | null;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  headline: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  conclusion: string;

  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @MaxLength(100_000)
  analysis: string;

  @ApiProperty({ type: [DraftSourceDto] })
  @IsArray()
  @ArrayMaxSize(50, { message: 'can hold at most 50 sources' })
  @ValidateNested({ each: true })
  @Type(() => DraftSourceDto)
  sources: DraftSourceDto[];
}

export class PutDraftDto {
  @ApiProperty({ description: 'The verdict version the edits started from; 0 before the verdict exists' })
  @IsInt()
  @Min(0)
  baseVersion: number;

  @ApiProperty({ type: DraftContentDto, description: 'That version, as the edits began' })
  @IsObject()
  @ValidateNested()
  @Type(() => DraftContentDto)
  base: DraftContentDto;

  @ApiProperty({ type: DraftContentDto, description: 'The edits' })
  @IsObject()
  @ValidateNested()
  @Type(() => DraftContentDto)
  content: DraftContentDto;
}

/** Submit and approve name the version the person is looking at (optional for scripts that do not care). */
export class ActOnVersionDto {
  @ApiPropertyOptional({ description: 'The verdict version shown; a stale one answers 409 with the current version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CorrectDto extends VerdictContentDto {
  @ApiProperty({ description: 'What changed, shown to readers in the corrections log' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  note: string;
}

export class RetractDto {
  @ApiProperty({ description: 'Why the fact-check is retracted, shown to readers' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  note: string;
}
