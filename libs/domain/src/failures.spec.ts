import { afterFailure, failureKind, type FailureCause, type FailureKind } from './failures.js';

const CAUSES: [string, FailureCause, FailureKind][] = [
  ['HTTP 400', { kind: 'http_status', status: 400 }, 'permanent'],
  ['HTTP 401', { kind: 'http_status', status: 401 }, 'permanent'],
  ['HTTP 403', { kind: 'http_status', status: 403 }, 'permanent'],
  ['HTTP 404', { kind: 'http_status', status: 404 }, 'permanent'],
  ['HTTP 408 Request Timeout', { kind: 'http_status', status: 408 }, 'retryable'],
  ['HTTP 410', { kind: 'http_status', status: 410 }, 'permanent'],
  ['HTTP 425 Too Early', { kind: 'http_status', status: 425 }, 'retryable'],
  ['HTTP 429 Too Many Requests', { kind: 'http_status', status: 429 }, 'retryable'],
  ['HTTP 451', { kind: 'http_status', status: 451 }, 'permanent'],
  ['HTTP 500', { kind: 'http_status', status: 500 }, 'retryable'],
  ['HTTP 502', { kind: 'http_status', status: 502 }, 'retryable'],
  ['HTTP 503', { kind: 'http_status', status: 503 }, 'retryable'],
  ['HTTP 504', { kind: 'http_status', status: 504 }, 'retryable'],
  ['a bad URL', { kind: 'outbound', code: 'bad_url' }, 'permanent'],
  ['a refused address', { kind: 'outbound', code: 'refused_address' }, 'permanent'],
  ['too many redirects', { kind: 'outbound', code: 'too_many_redirects' }, 'permanent'],
  ['a timeout', { kind: 'outbound', code: 'timeout' }, 'retryable'],
  ['a network error', { kind: 'outbound', code: 'network' }, 'retryable'],
  ['a parse error', { kind: 'unreadable' }, 'permanent'],
  ['an over-limit document', { kind: 'over_limit' }, 'permanent'],
  ['anything unexpected', { kind: 'unexpected' }, 'retryable'],
];

describe('failure kinds', () => {
  it.each(CAUSES)('%s is %s', (_label, cause, kind) => {
    expect(failureKind(cause)).toBe(kind);
  });
});

describe('after a failed attempt', () => {
  it.each([
    ['retryable', 1, 5, 'retry'],
    ['retryable', 4, 5, 'retry'],
    ['retryable', 5, 5, 'give_up'],
    ['retryable', 1, 1, 'give_up'],
    ['permanent', 1, 5, 'give_up'],
    ['permanent', 5, 5, 'give_up'],
  ] as const)('%s, attempt %i of %i: %s', (kind, made, max, next) => {
    expect(afterFailure(kind, made, max)).toBe(next);
  });
});
