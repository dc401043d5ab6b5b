import { describe, expect, it } from 'vitest';
import { activeView, filtersFrom, sortChoice, startView, viewsFor, withFilter } from './filters';

const p = (s: string) => new URLSearchParams(s);

describe('filtersFrom: the URL as the API query', () => {
  it.each([
    ['', {}],
    ['state=detected,accepted', { state: ['detected', 'accepted'] }],
    ['state=', {}],
    ['state=,', {}],
    ['type=quantity', { type: ['quantity'] }],
    ['q=nato%20expansion', { q: 'nato expansion' }],
    ['q=', {}],
    ['minScore=0.5', { minScore: 0.5 }],
    ['minScore=', {}],
    ['minScore=lots', {}],
    ['checkworthy=true', { checkworthy: true }],
    ['checkworthy=false', { checkworthy: false }],
    ['assignee=me&speakerId=s1&documentId=d1', { assignee: 'me', speakerId: 's1', documentId: 'd1' }],
    ['saidFrom=2026-01-01&saidTo=2026-02-01', { saidFrom: '2026-01-01', saidTo: '2026-02-01' }],
    ['sort=due', { sort: 'due' }],
    ['sort=sideways', {}],
    ['askers=exclude', { askers: 'exclude' }],
    ['askers=only', { askers: 'only' }],
    ['askers=maybe', {}],
  ])('%j', (search, expected) => {
    const defined = Object.fromEntries(Object.entries(filtersFrom(p(search))).filter(([, v]) => v !== undefined));
    expect(defined).toEqual(expected);
  });
});

describe('withFilter: one filter changed in the URL', () => {
  it.each([
    ['state=detected', 'type', 'quantity', 'state=detected&type=quantity'],
    ['state=detected&type=quantity', 'type', '', 'state=detected'],
    ['state=detected', 'state', null, ''],
    ['state=detected', 'state', 'accepted', 'state=accepted'],
    ['q=nato&sort=relevance', 'q', null, ''],
    ['q=nato&sort=newest', 'q', null, 'sort=newest'],
    ['sort=newest', 'q', 'nato', 'sort=newest&q=nato'],
  ])('%j with %s=%j → %j', (before, key, value, after) => {
    expect(withFilter(p(before), key, value).toString()).toBe(after);
  });

  it('leaves the given parameters alone', () => {
    const before = p('state=detected');
    withFilter(before, 'state', null);
    expect(before.toString()).toBe('state=detected');
  });
});

describe('views', () => {
  it('editors start with triage, reviewers with their own work', () => {
    expect(startView(true).label).toBe('To triage');
    expect(startView(false).label).toBe('Mine');
  });

  it("keeps moderators' and questioners' lines out of To triage", () => {
    expect(filtersFrom(p(startView(true).params))).toMatchObject({ state: ['detected'], askers: 'exclude' });
  });

  it('hides the triage views from reviewers', () => {
    expect(viewsFor(false).map((v) => v.label)).toEqual(['Mine', 'In progress', 'In review', 'All']);
    expect(viewsFor(true)).toHaveLength(6);
  });

  it.each([
    ['state=in_review', 'In review'],
    ['sort=newest', 'All'],
    ['state=in_review&q=x', undefined],
    ['checkworthy=true&state=detected', undefined],
  ])('%j is the %j view', (search, label) => {
    expect(activeView(p(search))?.label).toBe(label);
  });
});

describe('sortChoice', () => {
  it('offers relevance only for a search, and defaults to it there', () => {
    expect(sortChoice({}).value).toBe('score');
    expect(sortChoice({}).options.map((o) => o.value)).not.toContain('relevance');
    expect(sortChoice({ q: 'nato' }).value).toBe('relevance');
    expect(sortChoice({ q: 'nato' }).options[0]).toEqual({ value: 'relevance', label: 'Relevance' });
  });

  it('keeps a sort that was asked for', () => {
    expect(sortChoice({ q: 'nato', sort: 'due' }).value).toBe('due');
  });
});
