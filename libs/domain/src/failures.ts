/**
 * Why a piece of work failed, in the terms the retry rules need. The worker maps its errors (network,
 * extraction, anything unexpected) to one of these; the rules below decide what happens next.
 */
export type FailureCause =
  /** The address answered with an error status. */
  | { kind: 'http_status'; status: number }
  /** The request was refused before or while it was made. */
  | { kind: 'outbound'; code: 'bad_url' | 'refused_address' | 'too_many_redirects' | 'timeout' | 'network' }
  /** The content cannot become text: a parse error, a format we do not read, no text layer. */
  | { kind: 'unreadable' }
  /** Larger, longer or slower to read than the limits allow. */
  | { kind: 'over_limit' }
  /** Anything else (the database, a bug, a killed process): another attempt may well succeed. */
  | { kind: 'unexpected' };

/** permanent: another attempt cannot fix it, the work fails at once; retryable: try again, with backoff. */
export type FailureKind = 'permanent' | 'retryable';

/** Error statuses that say "not now" rather than "never": Request Timeout, Too Early, Too Many Requests. */
export const RETRYABLE_HTTP_STATUSES: readonly number[] = [408, 425, 429];

const PERMANENT_OUTBOUND = new Set(['bad_url', 'refused_address', 'too_many_redirects']);

export function failureKind(cause: FailureCause): FailureKind {
  switch (cause.kind) {
    case 'http_status':
      return cause.status >= 500 || RETRYABLE_HTTP_STATUSES.includes(cause.status) ? 'retryable' : 'permanent';
    case 'outbound':
      return PERMANENT_OUTBOUND.has(cause.code) ? 'permanent' : 'retryable';
    case 'unreadable':
    case 'over_limit':
      return 'permanent';
    case 'unexpected':
      return 'retryable';
  }
}

/**
 * After a failed attempt (`attemptsMade` counts it): try again, or give up and record the failure.
 * A permanent failure gives up at once; a retryable one when the attempts are used up.
 */
export function afterFailure(kind: FailureKind, attemptsMade: number, maxAttempts: number): 'retry' | 'give_up' {
  return kind === 'permanent' || attemptsMade >= maxAttempts ? 'give_up' : 'retry';
}
