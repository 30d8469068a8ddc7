import { Injectable } from '@nestjs/common';
import { AuthErrors, Capability, CAPABILITIES, Principal } from '@cong/accounts';
import { TenantContext } from '@cong/tenancy';
import { ContentEditor } from '../items/content-editor.service';
import { ContentErrors } from '../items/content.errors';

/**
 * Which units' content a caller may read or change: province-wide roles reach every unit, unit
 * roles their unit and the units below it. Shared by every route that touches one item (content's
 * own, the portal's preview).
 */
@Injectable()
export class ContentReach {
  constructor(
    private readonly editor: ContentEditor,
    private readonly tenants: TenantContext,
  ) {}

  /** undefined: every unit (a province-wide role); else the units of the caller's unit roles and below. */
  async units(p: Principal, capability: Capability): Promise<string[] | undefined> {
    const allowed: readonly string[] = CAPABILITIES[capability];
    const holding = p.memberships.filter((m) => allowed.includes(m.role));
    if (holding.some((m) => m.unitId === null)) return undefined;
    return this.editor.subtreeOf(
      this.tenants.require(),
      holding.map((m) => m.unitId!),
    );
  }

  /**
   * Out of reach: an existing item the caller may not even read is "not found", on every route,
   * exactly like a missing one (its existence is not confirmed); one they may read but not change
   * is a 403; a new item's unit out of reach is a 403.
   */
  async require(p: Principal, capability: Capability, unitId: string, existing = false): Promise<void> {
    const units = await this.units(p, capability);
    if (units && !units.includes(unitId)) {
      const readable = capability === 'content.read' ? units : await this.units(p, 'content.read');
      if (existing && readable && !readable.includes(unitId)) throw ContentErrors.notFound();
      throw AuthErrors.forbidden(capability);
    }
  }

  /** For a change of item `id`: its unit must be within reach (404 if not even readable). */
  async requireForItem(p: Principal, capability: Capability, id: string): Promise<void> {
    await this.require(p, capability, await this.editor.unitOf(this.tenants.require(), id), true);
  }
}
