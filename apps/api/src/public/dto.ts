import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
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

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class IndexQuery extends FeedQuery {
  @ApiPropertyOptional({ description: 'search words (web search syntax)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'published on or after this day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'published on or before this day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY, { message: 'must be a date, YYYY-MM-DD' })
  to?: string;

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

export class SpeakerSlugParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be a speaker slug' })
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
  const dto = plainToInstance(cls, withoutEmpty(input), { enableImplicitConversion: false });
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: false, stopAtFirstError: true });
  if (errors.length) throw validationExceptionFactory(errors);
  return dto;
}
export { FieldValidationException };

/**
 * A GET form sends every field, the empty ones as `name=`: an empty value means "not set". Search words are
 * trimmed and their spacing collapsed, so one search has one URL (and one cache entry).
 */
function withoutEmpty(input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    const v = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value;
    if (v !== '') out[key] = v;
  }
  return out;
}
