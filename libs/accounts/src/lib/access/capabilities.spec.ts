import { Principal } from '../auth/principal';
import { TenantRole } from '../users/membership.entity';
import { CAPABILITIES, holds, holdsFor, rolesOf } from './capabilities';

const TENANT = '00000000-0000-4000-8000-000000000001';
// A tree: province → so-y-te → benh-vien; a sibling so-gd.
const SO_Y_TE = '00000000-0000-4000-8000-0000000000a1';
const BENH_VIEN = '00000000-0000-4000-8000-0000000000a2';
const SO_GD = '00000000-0000-4000-8000-0000000000b1';
const lineageOf: Record<string, string[]> = { [SO_Y_TE]: [SO_Y_TE], [BENH_VIEN]: [BENH_VIEN, SO_Y_TE], [SO_GD]: [SO_GD] };

function principal(memberships: { role: TenantRole; unitId: string | null }[], tenantId: string | null = TENANT): Principal {
  return {
    userId: '00000000-0000-4000-8000-0000000000ff',
    tenantId,
    username: 'u',
    displayName: 'U',
    sessionId: '00000000-0000-4000-8000-0000000000ee',
    memberships,
    mustChangePassword: false,
    twoFactorEnrolmentRequired: false,
    twoFactorEnabled: false,
  };
}

describe('capabilities by role', () => {
  it('a national operator holds the platform capabilities and no province capability', () => {
    const operator = principal([], null);
    expect(rolesOf(operator)).toEqual(['national_operator']);
    expect(holds(operator, 'platform.tenants.read')).toBe(true);
    expect(holds(operator, 'platform.rules.write')).toBe(true);
    expect(holds(operator, 'users.manage')).toBe(false);
    expect(holds(operator, 'content.read')).toBe(false);
  });

  it('a province account never holds a platform capability, whatever its roles', () => {
    const admin = principal([
      { role: 'tenant_admin', unitId: null },
      { role: 'editorial_board', unitId: null },
    ]);
    for (const capability of Object.keys(CAPABILITIES).filter((c) => c.startsWith('platform.')) as (keyof typeof CAPABILITIES)[]) {
      expect(holds(admin, capability)).toBe(false);
    }
  });

  it('grants exactly what CAPABILITIES lists for each role', () => {
    for (const [capability, roles] of Object.entries(CAPABILITIES) as [keyof typeof CAPABILITIES, readonly string[]][]) {
      for (const role of ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'] as TenantRole[]) {
        expect([capability, role, holds(principal([{ role, unitId: null }]), capability)]).toEqual([
          capability,
          role,
          roles.includes(role),
        ]);
      }
    }
  });

  it('an account with no membership holds nothing', () => {
    const nobody = principal([]);
    expect(rolesOf(nobody)).toEqual([]);
    for (const capability of Object.keys(CAPABILITIES) as (keyof typeof CAPABILITIES)[]) expect(holds(nobody, capability)).toBe(false);
  });

  it('roles held for several units count once', () => {
    expect(
      rolesOf(
        principal([
          { role: 'unit_editor', unitId: SO_Y_TE },
          { role: 'unit_editor', unitId: SO_GD },
        ]),
      ),
    ).toEqual(['unit_editor']);
  });
});

describe('reach of a role by unit (holdsFor)', () => {
  it('a unit role covers its unit and the units below it, not its parent or a sibling', () => {
    const head = principal([{ role: 'unit_head', unitId: SO_Y_TE }]);
    expect(holdsFor(head, 'content.write', lineageOf[SO_Y_TE])).toBe(true);
    expect(holdsFor(head, 'content.write', lineageOf[BENH_VIEN])).toBe(true);
    expect(holdsFor(head, 'content.write', lineageOf[SO_GD])).toBe(false);

    const below = principal([{ role: 'unit_editor', unitId: BENH_VIEN }]);
    expect(holdsFor(below, 'content.write', lineageOf[BENH_VIEN])).toBe(true);
    expect(holdsFor(below, 'content.write', lineageOf[SO_Y_TE])).toBe(false);
  });

  it('a province-wide role (unit null) covers every unit', () => {
    const board = principal([{ role: 'editorial_board', unitId: null }]);
    for (const unit of [SO_Y_TE, BENH_VIEN, SO_GD]) expect(holdsFor(board, 'content.write', lineageOf[unit])).toBe(true);
  });

  it('a role covers a unit only for the capabilities it grants', () => {
    const editor = principal([{ role: 'unit_editor', unitId: SO_Y_TE }]);
    expect(holdsFor(editor, 'content.write', lineageOf[SO_Y_TE])).toBe(true);
    expect(holdsFor(editor, 'units.profile.edit', lineageOf[SO_Y_TE])).toBe(false);
    expect(holdsFor(editor, 'sites.manage', lineageOf[SO_Y_TE])).toBe(false);
    const council = principal([{ role: 'editorial_council', unitId: null }]);
    expect(holdsFor(council, 'content.read', lineageOf[SO_GD])).toBe(true);
    expect(holdsFor(council, 'content.write', lineageOf[SO_GD])).toBe(false);
  });

  it('one matching membership among several is enough, and none matching is a refusal', () => {
    const both = principal([
      { role: 'unit_editor', unitId: SO_GD },
      { role: 'unit_head', unitId: SO_Y_TE },
    ]);
    expect(holdsFor(both, 'units.profile.edit', lineageOf[BENH_VIEN])).toBe(true);
    expect(holdsFor(both, 'units.profile.edit', lineageOf[SO_GD])).toBe(false);
    expect(holdsFor(both, 'content.write', [])).toBe(false);
  });
});
