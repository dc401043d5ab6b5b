import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { trim } from '../common/transforms.js';

/** The fields of a rating other than its slug and label (required on creation, optional on edit). */
export class RatingDetailsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'ClaimReview ratingValue; null for ratings off the ordinal scale',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(-100)
  @Max(100)
  value?: number | null;

  @ApiPropertyOptional({ example: '#cf222e' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #cf222e' })
  colour?: string;

  @ApiPropertyOptional({ description: 'Order on the scale' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @ApiPropertyOptional({ description: 'Retired ratings stay on published fact-checks but cannot be chosen' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateRatingDto extends RatingDetailsDto {
  @ApiProperty({ example: 'needs-context' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case words joined by dashes' })
  @MaxLength(64)
  slug: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  label: string;
}

export class UpdateRatingDto extends PartialType(OmitType(CreateRatingDto, ['slug'] as const)) {}
