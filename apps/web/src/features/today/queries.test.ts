import { afterEach, describe, expect, it } from 'vitest';
import { forgetLastVisitRead, takeLastVisit } from './queries';

describe('the last visit to Today', () => {
  afterEach(() => {
    localStorage.clear();
    forgetLastVisitRead();
  });

  it('is none on a first-ever visit, however often React asks (StrictMode renders twice)', () => {
    expect(takeLastVisit()).toBeNull();
    expect(takeLastVisit()).toBeNull();
    // This visit is kept for the next page load.
    expect(Date.parse(localStorage.getItem('factdesk.today.lastVisit')!)).toBeGreaterThan(Date.now() - 5000);
  });

  it('is the previous visit on a later page load, not this one', () => {
    localStorage.setItem('factdesk.today.lastVisit', '2026-01-01T08:00:00.000Z');
    expect(takeLastVisit()).toBe('2026-01-01T08:00:00.000Z');
    expect(takeLastVisit()).toBe('2026-01-01T08:00:00.000Z');
  });
});
