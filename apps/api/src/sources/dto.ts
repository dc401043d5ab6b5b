import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MONITORED_SOURCE_KINDS, type MonitoredSourceKind } from '@factdesk/domain';
import { trim } from '../common/transforms.js';

export class CreateSourceDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'An RSS, Atom or JSON feed, or an HTML listing page' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ enum: MONITORED_SOURCE_KINDS, default: 'feed' })
  @IsOptional()
  @IsIn(MONITORED_SOURCE_KINDS, { message: 'must be feed or html' })
  kind?: MonitoredSourceKind;

  @ApiPropertyOptional({
    nullable: true,
    description: "Whose words the source's documents are, unless they say otherwise",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  defaultSpeakerName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  defaultOutlet?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 10080, default: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  pollIntervalMinutes?: number;

  @ApiPropertyOptional({ description: 'false pauses polling', default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateSourceDto extends PartialType(CreateSourceDto) {}
