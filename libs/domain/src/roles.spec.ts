import { ROLES, roleAllowed, roleSatisfies, type Role } from './roles.js';

describe('roles', () => {
  const cases: [Role, Role, boolean][] = [
    ['admin', 'admin', true],
    ['admin', 'editor', true],
    ['admin', 'reviewer', false],
    ['editor', 'admin', false],
    ['editor', 'editor', true],
    ['editor', 'reviewer', false],
    ['reviewer', 'admin', false],
    ['reviewer', 'editor', false],
    ['reviewer', 'reviewer', true],
  ];
  it.each(cases)('%s satisfies %s: %s', (role, required, expected) => {
    expect(roleSatisfies(role, required)).toBe(expected);
  });

  it('covers every pair of roles', () => {
    expect(cases).toHaveLength(ROLES.length ** 2);
  });

  it('allows a role listed among several', () => {
    expect(roleAllowed('reviewer', ['editor', 'reviewer'])).toBe(true);
    expect(roleAllowed('reviewer', ['editor'])).toBe(false);
    expect(roleAllowed('admin', ['editor'])).toBe(true);
  });
});
