import type { ClaimSummaryDto } from './dto.js';
import { rankToday } from './today.js';

const claim = (id: string, score: number, opts: { checked?: boolean; speaker?: string; doc?: string } = {}) =>
  ({
    id,
    text: id,
    state: 'detected',
    score,
    checkworthy: true,
    claimType: 'other',
    reasons: [],
    speaker: opts.speaker ? { id: opts.speaker, name: opts.speaker } : null,
    document: opts.doc ? { id: opts.doc, title: null } : null,
    saidAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    assignee: null,
    dueAt: null,
    checkedBefore: opts.checked ? { slug: `fc-${id}`, rating: 'False', similarity: 0.9 } : null,
  }) as ClaimSummaryDto;

describe('the Today ranking', () => {
  // [claims as given, order expected]: checked-before first, then by score; ties keep the given order.
  it.each([
    ['by score', [claim('a', 0.5), claim('b', 0.9), claim('c', 0.7)], ['b', 'c', 'a']],
    ['checked before beats score', [claim('a', 0.99), claim('b', 0.1, { checked: true })], ['b', 'a']],
    [
      'checked before, then by score among them',
      [claim('a', 0.6, { checked: true }), claim('b', 0.8, { checked: true }), claim('c', 0.95)],
      ['b', 'a', 'c'],
    ],
    ['ties keep their order', [claim('a', 0.5), claim('b', 0.5), claim('c', 0.5)], ['a', 'b', 'c']],
    ['nothing', [], []],
  ] as const)('%s', (_label, claims, order) => {
    const today = rankToday(new Date('2026-01-02T00:00:00Z'), claims, () => null);
    expect(today.claims.map((c) => c.id)).toEqual(order);
    expect(today.total).toBe(order.length);
    expect(today.checkedBefore.map((c) => c.id)).toEqual(
      order.filter((id) => claims.find((c) => c.id === id)!.checkedBefore),
    );
  });

  it('groups by speaker and by source, groups in rank order', () => {
    const claims = [
      claim('a', 0.4, { speaker: 'Lavrov', doc: 'd1' }),
      claim('b', 0.9, { doc: 'd2' }),
      claim('c', 0.7, { speaker: 'Lavrov', doc: 'd2' }),
      claim('d', 0.2, { checked: true, speaker: 'Ivanov' }),
    ];
    const today = rankToday(new Date('2026-01-02T00:00:00Z'), claims, (c) => (c.document?.id === 'd1' ? 'TASS' : null));
    expect(today.since).toBe('2026-01-02T00:00:00.000Z');
    expect(today.bySpeaker.map((g) => [g.name, g.count, g.claims.map((c) => c.id)])).toEqual([
      ['Ivanov', 1, ['d']],
      ['Unattributed', 1, ['b']],
      ['Lavrov', 2, ['c', 'a']],
    ]);
    expect(today.bySource.map((g) => [g.name, g.claims.map((c) => c.id)])).toEqual([
      ['Submitted by staff', ['d', 'b', 'c']],
      ['TASS', ['a']],
    ]);
  });
});
