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
  /** National operators: the audit log of every province and of the platform. */
  'platform.audit.read': ['national_operator'],
  /** The IT centre: its province's rules in force, their versions and diffs, and the files to edit. */
  'rules.read': ['tenant_admin'],
  /** The IT centre: check and apply its province's tenant.yaml and units.yaml (validated as the CLI does). */
  'rules.write': ['tenant_admin'],
  /** The IT centre: its own province's audit log. */
  'audit.read': ['tenant_admin'],
  /** The IT centre: see the province's accounts and their roles. */
  'users.read': ['tenant_admin'],
  /** The IT centre: invite, grant and revoke roles, deactivate, handle leaked passwords (NA-9). */
  'users.manage': ['tenant_admin'],
  /** Everyone in a province: read its unit tree and profiles. */
  'units.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** The IT centre: create units, change their place in the tree, deactivate them. */
  'units.manage': ['tenant_admin'],
  /** A unit's profile and information team (NA-5.1, NA-8.1): the IT centre, or the unit's head (for it and the units below it). */
  'units.profile.edit': ['tenant_admin', 'unit_head'],
  /** Everyone in a province: the portal, the sub-sites and their sections. */
  'sites.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** A site's navigation (add, rename, move, remove sections): the IT centre anywhere, a unit's head for its sub-site and those of the units below. */
  'sites.manage': ['tenant_admin', 'unit_head'],
  /** Read items (drafts included): province-wide roles all of them, unit roles their units' and below. */
  'content.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Write items: the IT centre and the editorial board anywhere, a unit's head and editors for their units. */
  'content.write': ['tenant_admin', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Everyone in a province: where units stand against the rules (unit roles: their units and below). */
  'compliance.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Province-wide roles: the periodic compliance reports of the province (LC-3.4, NA-12.3), as JSON, CSV or XLSX. */
  'compliance.reports': ['tenant_admin', 'editorial_council', 'editorial_board'],
  /** The IT centre: close a period on demand (the scheduled close does it anyway; closing twice keeps the first). */
  'compliance.manage': ['tenant_admin'],
  /** Citizens' questions with the askers' contacts: province-wide roles all of them, unit roles those sent to their units and below. */
  'questions.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Route a question to a unit, move it on with a reason, decline it or mark it as spam: the IT centre and the editorial board anywhere, a unit's head for its units' questions. */
  'questions.route': ['tenant_admin', 'editorial_board', 'unit_head'],
  /** Draft the answer (then it goes through the workflow bound to faq items): those who may write for the question's unit. */
  'questions.answer': ['tenant_admin', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Opinion polls (NA-5.5): the IT centre and the editorial board on any site, a unit's head on the sub-sites of their units. */
  'polls.manage': ['tenant_admin', 'editorial_board', 'unit_head'],
  /** Consultations on draft documents: the drafting unit's head (for their units), the editorial board and the IT centre open them, moderate comments, export the summary. */
  'consultations.manage': ['tenant_admin', 'editorial_board', 'unit_head'],
  /** Units' proposals and problem reports (NA-8.5): province-wide roles all of them, unit roles those their units sent or handle (and below). */
  'unitRequests.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Send a proposal or a problem report for a unit, or take it back: the unit's head and editors (for their units), the IT centre for any. */
  'unitRequests.send': ['tenant_admin', 'unit_head', 'unit_editor'],
  /** Take up, forward and answer a request: the head and editors of the unit the rules route it to, the IT centre for any. */
  'unitRequests.handle': ['tenant_admin', 'unit_head', 'unit_editor'],
  /** The registry of the province's online public services (LC-2.1.3): every province role reads it. */
  'onlineServices.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
  /** Register a service of a unit and keep its entry while it waits: the unit's head and editors (for their units), the IT centre for any. */
  'onlineServices.register': ['tenant_admin', 'unit_head', 'unit_editor'],
  /** Accept or decline a registration, suspend, resume or retire a service, correct any entry: the editorial council and the IT centre. */
  'onlineServices.decide': ['tenant_admin', 'editorial_council'],
  /** Everyone in a province: their own in-app notifications. */
  'notifications.read': ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'],
} as const satisfies Record<string, readonly string[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The roles a caller holds (a national operator holds just that one). */
export function rolesOf(principal: Principal): string[] {
  return principal.tenantId === null ? ['national_operator'] : [...new Set(principal.memberships.map((m) => m.role))];
}

/**
 * Holds `capability` for a unit: through a province-wide role, or a unit role held at the unit or
 * at a unit above it (`lineage`: the unit's id and its ancestors').
 */
export function holdsFor(principal: Principal, capability: Capability, lineage: string[]): boolean {
  const allowed: readonly string[] = CAPABILITIES[capability];
  return principal.memberships.some((m) => allowed.includes(m.role) && (m.unitId === null || lineage.includes(m.unitId)));
}

export function holds(principal: Principal, capability: Capability): boolean {
  const allowed: readonly string[] = CAPABILITIES[capability];
  return rolesOf(principal).some((role) => allowed.includes(role));
}
