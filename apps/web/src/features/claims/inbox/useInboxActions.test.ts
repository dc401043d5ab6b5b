import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../api/client';
import type { ClaimState, ClaimSummaryDto } from '@factdesk/domain';
import { bulkMessage, errorMessage, triageable, undoAction } from './useInboxActions';

describe('bulkMessage', () => {
  it.each([
    [[true], 'accepted', '1 claim accepted.'],
    [[true, true, false], 'dismissed', '2 claims dismissed.'],
    [[false], 'assigned', '0 claims assigned.'],
  ])('%j %s → %j', (oks, verb, message) => {
    expect(bulkMessage({ results: oks.map((ok, i) => ({ claimId: `c${i}`, ok })) } as never, verb)).toBe(message);
  });
});

describe('errorMessage', () => {
  it("adds a refused bulk request's first reason to its message", () => {
    const err = new ApiRequestError({
      statusCode: 409,
      error: 'Conflict',
      message: 'Nothing was changed.',
      results: [
        { claimId: 'c1', ok: true },
        { claimId: 'c2', ok: false, error: 'Claim c2 is already dismissed.' },
      ],
    });
    expect(errorMessage(err)).toBe('Nothing was changed. Claim c2 is already dismissed.');
  });

  it('is the message alone otherwise', () => {
    expect(errorMessage(new ApiRequestError({ statusCode: 403, error: 'Forbidden', message: 'Editors only.' }))).toBe(
      'Editors only.',
    );
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
    expect(errorMessage('odd')).toBe('odd');
  });
});

describe('triageable: only what the action would change', () => {
  const row = (id: string, state: ClaimState) => ({ id, state }) as ClaimSummaryDto;
  it.each<['accept' | 'dismiss', ClaimState[], string[]]>([
    ['accept', ['detected', 'accepted', 'dismissed'], ['c0', 'c2']],
    ['accept', ['accepted'], []],
    ['dismiss', ['detected', 'accepted', 'dismissed', 'assigned'], ['c0', 'c1']],
  ])('%s of %j → %j', (action, states, expected) => {
    expect(
      triageable(
        states.map((s, i) => row(`c${i}`, s)),
        action,
      ).map((r) => r.id),
    ).toEqual(expected);
  });
});

describe('undoAction: back to the state before', () => {
  it.each<[ClaimState, string | null]>([
    ['detected', 'reopen'],
    ['accepted', 'accept'],
    ['dismissed', null],
  ])('%s → %s', (before, step) => {
    expect(undoAction(before)).toBe(step);
  });
});
