import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { FieldValidationException, validationExceptionFactory } from '../common/errors.js';
import { SITE_PAGE_KEYS } from './site-pages.js';

/** Deep pages are refused rather than computed: 10,000 pages is 500,000 feed items. */
export const MAX_PAGE = 10_000;

export class FeedQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;
}

export class IndexQuery extends FeedQuery {
  @ApiPropertyOptional({ description: 'speaker id' })
  @IsOptional()
  @IsUUID()
  speaker?: string;

  @ApiPropertyOptional({ description: 'rating slug, e.g. false' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'must be a rating slug' })
  rating?: string;
}

export class SlugParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,199}$/, { message: 'must be a fact-check slug' })
  slug: string;
}

export class SitePageParam {
  @ApiProperty({ enum: SITE_PAGE_KEYS })
  @IsIn(SITE_PAGE_KEYS)
  key: string;
}

export class SitePageBody {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Markdown', maxLength: 100_000 })
  @IsString()
  @MaxLength(100_000)
  body: string;
}

/**
 * Public URLs get shared with tracking parameters (utm_source, fbclid…): unknown query parameters are
 * ignored here, not refused, and the known ones validated. Returns the DTO with only known fields.
 */
export function parsePublicInput<T extends object>(cls: new () => T, input: unknown): T {
  const dto = plainToInstance(cls, input ?? {}, { enableImplicitConversion: false });
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: false, stopAtFirstError: true });
  if (errors.length) throw validationExceptionFactory(errors);
  return dto;
}
export { FieldValidationException };
