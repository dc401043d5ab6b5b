import { TODAY, todayClaimsFilter } from './today.js';

describe("Today's claims", () => {
  it('are the check-worthy claims to triage detected since the moment, by score', () => {
    expect(todayClaimsFilter('2026-01-02T00:00:00.000Z')).toEqual({
      detectedSince: '2026-01-02T00:00:00.000Z',
      state: ['detected', 'accepted'],
      checkworthy: true,
      sort: 'score',
    });
  });

  it('list a day unless asked otherwise, and every section has room for a busy morning', () => {
    expect(TODAY.windowMs).toBe(86_400_000);
    expect(TODAY.sectionLimit).toBeGreaterThanOrEqual(TODAY.pageSize);
  });
});
