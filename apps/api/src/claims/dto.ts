import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  IsInt,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ASKER_FILTERS,
  type AskerFilter,
  CLAIM_SORTS,
  CLAIM_STATES,
  CLAIM_TYPES,
  type ClaimSort,
  type ClaimState,
  type ClaimType,
  type DuplicateOfInput,
} from '@factdesk/domain';
import { commaList, queryBoolean, trim } from '../common/transforms.js';
import { PageLimitQuery } from '../common/paging.js';
import { IsIsoDate } from '../common/dates.js';

export class ListClaimsQuery extends PageLimitQuery {
  @ApiPropertyOptional({ description: 'Comma-separated states', example: 'detected,accepted' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(CLAIM_STATES, { each: true, message: `each state must be one of ${CLAIM_STATES.join(', ')}` })
  state?: ClaimState[];

  @ApiPropertyOptional({ description: 'Comma-separated claim types' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(CLAIM_TYPES, { each: true, message: `each type must be one of ${CLAIM_TYPES.join(', ')}` })
  type?: ClaimType[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a document id' })
  documentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a speaker id' })
  speakerId?: string;

  @ApiPropertyOptional({ description: 'A user id, `me`, or `none` for unassigned claims' })
  @IsOptional()
  @ValidateIf((o: ListClaimsQuery) => o.assignee !== 'me' && o.assignee !== 'none')
  @IsUUID('all', { message: 'must be a user id, me or none' })
  assignee?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number from 0 to 1' })
  @Min(0)
  @Max(1)
  minScore?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  checkworthy?: boolean;

  @ApiPropertyOptional({ description: 'Said on or after (ISO date)' })
  @IsOptional()
  @IsIsoDate('date-time')
  saidFrom?: string;

  @ApiPropertyOptional({ description: 'Said before (ISO date)' })
  @IsOptional()
  @IsIsoDate('date-time')
  saidTo?: string;

  @ApiPropertyOptional({ description: 'Detected (created) on or after (ISO date-time)' })
  @IsOptional()
  @IsIsoDate('date-time')
  detectedSince?: string;

  @ApiPropertyOptional({
    description: 'Only claims with (true) or without (false) an earlier fact-check of the same claim',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  checkedBefore?: boolean;

  @ApiPropertyOptional({
    enum: ASKER_FILTERS,
    description:
      'Lines of speakers who ask in their document (moderators, interviewers, questioners): include (default), exclude or only',
  })
  @IsOptional()
  @IsIn(ASKER_FILTERS, { message: `must be one of ${ASKER_FILTERS.join(', ')}` })
  askers?: AskerFilter;

  @ApiPropertyOptional({ description: 'Full-text search (web-search syntax: words, "phrases", -exclusions, or)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CLAIM_SORTS, description: 'Default: relevance when searching, score otherwise' })
  @IsOptional()
  @IsIn(CLAIM_SORTS, { message: `must be one of ${CLAIM_SORTS.join(', ')}` })
  sort?: ClaimSort;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class CreateClaimDto {
  @ApiProperty({ description: 'The claim, verbatim' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ description: 'An existing speaker' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a speaker id' })
  speakerId?: string;

  @ApiPropertyOptional({ description: 'A speaker by name: found by name or alias, or created' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  speakerName?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoDate('date-time')
  saidAt?: string;

  @ApiPropertyOptional({ description: 'Where it was said (broadcast, post)' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  saidWhereUrl?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES, { message: `must be one of ${CLAIM_TYPES.join(', ')}` })
  claimType?: ClaimType;

  @ApiPropertyOptional({ format: 'uuid', description: 'The document it was said in (e.g. a selected sentence)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a document id' })
  documentId?: string;

  @ApiPropertyOptional({ minimum: 0, description: "Where it starts in the document's text (with documentId)" })
  @ValidateIf((o: CreateClaimDto) => o.startOffset !== undefined || o.endOffset !== undefined)
  @IsInt({ message: 'must be a whole number, given with endOffset' })
  @Min(0)
  startOffset?: number;

  @ApiPropertyOptional({ minimum: 1, description: "Where it ends in the document's text (with documentId)" })
  @ValidateIf((o: CreateClaimDto) => o.startOffset !== undefined || o.endOffset !== undefined)
  @IsInt({ message: 'must be a whole number, given with startOffset' })
  @Min(1)
  endOffset?: number;
}

export class UpdateClaimDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must be at least 3 characters' })
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'must be a speaker id' })
  speakerId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  speakerName?: string;

  @ApiPropertyOptional({ enum: CLAIM_TYPES })
  @IsOptional()
  @IsIn(CLAIM_TYPES, { message: `must be one of ${CLAIM_TYPES.join(', ')}` })
  claimType?: ClaimType;
}

export class ReasonDto {
  @ApiProperty({ description: 'Why (kept in the history)' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  reason: string;
}

export class CommentBodyDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(10000)
  comment: string;
}

export class ClaimIdsDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one claim' })
  @ArrayMaxSize(500, { message: 'can name at most 500 claims at once' })
  @IsUUID('all', { each: true, message: 'must hold claim ids' })
  claimIds: string[];
}

export class BulkTriageDto extends ClaimIdsDto {
  @ApiProperty({ enum: ['accept', 'dismiss'] })
  @IsIn(['accept', 'dismiss'], { message: 'must be accept or dismiss' })
  action: 'accept' | 'dismiss';

  @ApiPropertyOptional({ description: 'Required to dismiss' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class DuplicateOfDto implements DuplicateOfInput {
  @ApiProperty({ format: 'uuid', description: 'The claim this one repeats (any claim of its cluster)' })
  @IsUUID('all', { message: 'must be a claim id' })
  claimId: string;
}
