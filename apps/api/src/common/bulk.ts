import { HttpStatus } from '@nestjs/common';
import type { BulkResultDto } from '@factdesk/domain';
import { httpError } from './errors.js';

/**
 * A bulk change's answer: the result when every claim changed; otherwise a 409 (nothing changed) with the
 * per-claim results, thrown so that it gets the one error body (errors.ts) and the request's id.
 */
export function bulkAnswer(result: BulkResultDto): BulkResultDto {
  if (result.applied) return result;
  const failed = result.results.filter((r) => r.status).length;
  throw httpError(
    HttpStatus.CONFLICT,
    `Nothing was changed: ${failed} of ${result.results.length} claims could not be.`,
    {
      ...result,
    },
  );
}
