import { Principal } from '../auth/principal';

/**
 * What each role may do, as data: the guard reads it, docs/access-control.md documents it, and the
 * authorisation matrix test is generated from it, so the three cannot drift apart.
 */
export const CAPABILITIES = {
  /** National operators: read every province and its rules. */
  'platform.tenants.read': ['national_operator'],
  /** National operators: submit a new rule version for a province (validated as the CLI does). */
  'platform.rules.write': ['national_operator'],
} as const satisfies Record<string, readonly string[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The roles a caller holds (a national operator holds just that one). */
export function rolesOf(principal: Principal): string[] {
  return principal.tenantId === null ? ['national_operator'] : [...new Set(principal.memberships.map((m) => m.role))];
}

export function holds(principal: Principal, capability: Capability): boolean {
  const allowed: readonly string[] = CAPABILITIES[capability];
  return rolesOf(principal).some((role) => allowed.includes(role));
}
