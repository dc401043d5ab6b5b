import { describe, expect, it } from 'vitest';
import {
  describeAudit,
  fromLocalInput,
  fromNow,
  pollInterval,
  scoreColour,
  toLocalInput,
  toLocalSecondsInput,
  webHref,
} from './format';

describe('describeAudit', () => {
  it.each([
    ['claim.accept', 'accepted it'],
    ['claim.request_changes', 'requested changes'],
    ['verdict.save', 'saved the verdict'],
    ['fact_check.correct', 'published a correction'],
    ['speaker.merge', 'speaker merge'],
    ['webhook.rotate_secret', 'webhook rotate secret'],
    ['constructor', 'constructor'],
  ])('%s → %j', (action, words) => {
    expect(describeAudit(action)).toBe(words);
  });
});

describe('webHref: only web addresses become links', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    [' http://example.org ', 'http://example.org'],
    ['javascript:alert(1)', undefined],
    ['JAVASCRIPT:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['//evil.example', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (url, href) => {
    expect(webHref(url)).toBe(href);
  });
});

describe('pollInterval', () => {
  it.each([
    [30, 'every 30 min'],
    [60, 'every 1 hour'],
    [120, 'every 2 hours'],
    [90, 'every 90 min'],
    [1440, 'every 1 day'],
    [2880, 'every 2 days'],
  ])('%i minutes → %j', (minutes, words) => {
    expect(pollInterval(minutes)).toBe(words);
  });
});

describe('fromNow', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each([
    ['2026-03-01T15:00:00Z', 'in 3 hours'],
    ['2026-02-27T12:00:00Z', '2 days ago'],
    ['2026-03-01T12:10:00Z', 'in 10 minutes'],
    ['2026-03-01T11:59:30Z', '30 seconds ago'],
  ])('%s → %j', (iso, words) => {
    expect(fromNow(iso, now)).toBe(words);
  });
});

describe('scoreColour', () => {
  it.each([
    [0.9, 'red'],
    [0.75, 'red'],
    [0.6, 'orange'],
    [0.3, 'yellow'],
    [0.1, 'gray'],
  ])('%d → %s', (score, colour) => {
    expect(scoreColour(score)).toBe(colour);
  });
});

describe('datetime-local inputs', () => {
  it('round-trips an instant to the minute', () => {
    const iso = new Date(2026, 2, 1, 9, 5).toISOString();
    expect(toLocalInput(iso)).toBe('2026-03-01T09:05');
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('a scheduled time in a datetime-local field, to the second', () => {
  it('reads back as the same instant', () => {
    const iso = '2026-06-01T09:30:15.000Z';
    expect(new Date(toLocalSecondsInput(iso)).toISOString()).toBe(iso);
    expect(toLocalSecondsInput(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:15$/);
  });
});
