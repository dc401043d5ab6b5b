import {
  AUDIT_ACTIONS,
  claimAuditAction,
  claimSortAllowed,
  CLAIM_SORTS,
  defaultClaimSort,
  factCheckPath,
  parseSpeakerSlug,
  speakerPath,
  speakerSlug,
} from './names.js';
import { CLAIM_ACTIONS } from './workflow.js';

describe('claim sorts', () => {
  it.each([
    [undefined, 'score'],
    ['', 'score'],
    ['nato', 'relevance'],
  ] as const)('with q=%p the default is %s', (q, sort) => {
    expect(defaultClaimSort(q)).toBe(sort);
  });

  it.each(CLAIM_SORTS.map((s) => [s, s !== 'relevance'] as const))('%s without a search allowed: %p', (s, ok) => {
    expect(claimSortAllowed(s, undefined)).toBe(ok);
    expect(claimSortAllowed(s, 'nato')).toBe(true);
  });
});

describe('public fact-check path', () => {
  it.each([
    ['no-nato-did-not-ab12cd34', '/fact-checks/no-nato-did-not-ab12cd34'],
    ['a/b?c', '/fact-checks/a%2Fb%3Fc'],
  ])('%s → %s', (slug, path) => {
    expect(factCheckPath(slug)).toBe(path);
  });
});

describe('speaker slugs', () => {
  const id = '3F2A1B4C-0000-4000-8000-000000000001';
  it.each([
    ['Jane Minister', 'jane-minister-3f2a1b4c'],
    ['  Sergéy   Lavróv ', 'sergey-lavrov-3f2a1b4c'],
    ['Сергей Лавров', 'speaker-3f2a1b4c'],
    ['<script>alert(1)</script>', 'script-alert-1-script-3f2a1b4c'],
  ])('%s → %s, which gives back the id prefix', (name, slug) => {
    expect(speakerSlug(name, id)).toBe(slug);
    expect(parseSpeakerSlug(slug)).toBe('3f2a1b4c');
  });

  it('makes the public path', () => {
    expect(speakerPath('Jane Minister', id)).toBe('/speakers/jane-minister-3f2a1b4c');
  });

  it.each([
    'jane-minister',
    'jane-minister-3F2A1B4C',
    'jane--minister-3f2a1b4c',
    '-3f2a1b4c',
    `${'a'.repeat(80)}-3f2a1b4c`,
  ])('refuses %s', (slug) => {
    expect(parseSpeakerSlug(slug)).toBeNull();
  });
});

describe('audit actions', () => {
  it('name every workflow step as claim.<action>', () => {
    for (const a of CLAIM_ACTIONS) expect(AUDIT_ACTIONS).toContain(claimAuditAction(a));
  });

  it('are unique and shaped <entity>.<verb>', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
