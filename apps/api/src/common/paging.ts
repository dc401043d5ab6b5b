import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { BadRequestException } from '@nestjs/common';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The page size every keyset-paginated list accepts. */
export class PageLimitQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** An ILIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const INVALID_CURSOR = 'The cursor is not valid for this list; start again without it.';

/** PostgreSQL's codes for a value it cannot read as the type it is cast to. */
const UNREADABLE_VALUE = new Set(['22P02', '22007', '22008', '22003']);

/**
 * Runs a list query whose cursor carries a sort key the database casts back: a forged or garbled key is
 * the caller's mistake (400), not a server error.
 */
export async function withCursor<T>(cursor: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; driverError?: { code?: string } };
    if (cursor && UNREADABLE_VALUE.has(e.driverError?.code ?? e.code ?? '')) throw new BadRequestException(INVALID_CURSOR);
    throw err;
  }
}
