/** Staff roles. The public has no role: it reads only published fact-checks and feeds. */
export const ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whether a user with `role` may do what `required` may. Admins may do everything an editor may;
 * reviewers and editors are distinct (an editor is not a reviewer of their own assignments).
 */
export function roleSatisfies(role: Role, required: Role): boolean {
  if (role === required) return true;
  return role === 'admin' && required === 'editor';
}

/** True when `role` satisfies at least one of `allowed`. */
export function roleAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.some((r) => roleSatisfies(role, r));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
