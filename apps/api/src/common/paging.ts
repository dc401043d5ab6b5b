import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { BadRequestException } from '@nestjs/common';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { jsonBodyProblem, textProblem } from './request-guards.js';

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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A page cursor's text: the one way lists read theirs. */
export function encodeCursor(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/**
 * The text inside a page cursor, or a 400: not base64url, not UTF-8, or holding what a query cannot carry
 * (a NUL, which PostgreSQL refuses in text, or a lone surrogate) is the caller's mistake, not a 500.
 */
export function decodeCursor(cursor: string): string {
  let text: string | null = null;
  if (/^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      text = utf8.decode(Buffer.from(cursor, 'base64url'));
    } catch {
      text = null;
    }
  }
  if (text === null || textProblem(text)) throw new BadRequestException(INVALID_CURSOR);
  return text;
}

/** A cursor holding JSON: its value, checked as a request body is (escapes can spell a NUL too). */
export function decodeJsonCursor(cursor: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(decodeCursor(cursor));
  } catch {
    throw new BadRequestException(INVALID_CURSOR);
  }
  if (jsonBodyProblem(value)) throw new BadRequestException(INVALID_CURSOR);
  return value;
}

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
    if (cursor && UNREADABLE_VALUE.has(e.driverError?.code ?? e.code ?? ''))
      throw new BadRequestException(INVALID_CURSOR);
    throw err;
  }
}
