import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { SPEAKER_KINDS, SPEAKER_ROLES, type SpeakerKind, type SpeakerRole } from '@factdesk/domain';
import { trim } from '../common/transforms.js';

export class ListSpeakersQuery {
  @ApiPropertyOptional({ description: 'Part of a name or alias' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class UpdateSpeakerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: SPEAKER_KINDS })
  @IsOptional()
  @IsIn(SPEAKER_KINDS, { message: 'must be person or organisation' })
  kind?: SpeakerKind;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Authoritative pages (Wikipedia, Wikidata) for ClaimReview sameAs',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'must hold http(s) addresses' },
  )
  sameAs?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    enum: SPEAKER_ROLES,
    nullable: true,
    description: 'Their part in every document ("always a moderator"); null leaves it to each document',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SPEAKER_ROLES, { message: `must be one of ${SPEAKER_ROLES.join(', ')}, or null` })
  defaultRole?: SpeakerRole | null;
}

export class DocumentSpeakerParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a document id' })
  documentId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a speaker id' })
  speakerId: string;
}

export class DocumentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a document id' })
  documentId: string;
}

export class SetDocumentRoleDto {
  @ApiProperty({ enum: SPEAKER_ROLES, nullable: true, description: 'Their part in this document; null clears it' })
  @ValidateIf((_, v) => v !== null)
  @IsIn(SPEAKER_ROLES, { message: `must be one of ${SPEAKER_ROLES.join(', ')}, or null` })
  role: SpeakerRole | null;
}

export class MergeSpeakerDto {
  @ApiProperty({ format: 'uuid', description: 'The speaker to keep' })
  @IsUUID('all', { message: 'must be a speaker id' })
  intoId: string;
}
