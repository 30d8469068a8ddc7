import { Injectable, Optional } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { PublicResponseCache } from '@cong/platform-cache';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Unit, UnitProfileData } from './unit.entity';

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  tags: string[];
  active: boolean;
  managedBy: 'rules' | 'api';
  profile: UnitProfileData;
  teamLeaderId: string | null;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parent?: string | null;
  tags?: string[];
}

export type UnitChanges = Partial<Omit<NewUnit, 'code'>>;

type Actor = { id: string | null; label: string };

/** Below the column's 64 KiB check (jsonb stores a little more than its JSON text). */
const MAX_PROFILE_BYTES = 60_000;

export const UnitErrors = {
  notFound: (code: string) => new DomainError('UNITS_NOT_FOUND', 'not_found', `Không có đơn vị mang mã "${code}".`),
  codeTaken: (code: string) =>
    new DomainError('UNITS_CODE_TAKEN', 'conflict', `Mã đơn vị "${code}" đã được sử dụng.`, [
      { field: 'code', message: `Mã "${code}" đã được dùng.` },
    ]),
  kindNotDeclared: (kind: string, kinds: string[]) =>
    new DomainError('UNITS_KIND_NOT_DECLARED', 'validation', `Loại đơn vị "${kind}" không có trong bộ quy tắc của tỉnh.`, [
      { field: 'kind', message: `\`kind\` phải là một trong: ${kinds.join(', ')}.` },
    ]),
  unknownParent: (code: string) =>
    new DomainError('UNITS_UNKNOWN_PARENT', 'validation', `Không có đơn vị cấp trên "${code}".`, [
      { field: 'parent', message: `"${code}" không phải là đơn vị đang hoạt động.` },
    ]),
  cycle: (code: string, parent: string) =>
    new DomainError('UNITS_CYCLE', 'validation', `Không thể đặt "${parent}" làm cấp trên của "${code}": sẽ tạo vòng lặp.`, [
      { field: 'parent', message: `"${parent}" chính là "${code}" hoặc là đơn vị cấp dưới của nó.` },
    ]),
  profileTooLarge: () =>
    new DomainError('UNITS_PROFILE_TOO_LARGE', 'validation', 'Hồ sơ đơn vị quá dài (tối đa khoảng 60.000 byte).', [
      { field: 'profile', message: `Hồ sơ viết dạng JSON tối đa ${MAX_PROFILE_BYTES.toLocaleString('vi-VN')} byte.` },
    ]),
  hasActiveChildren: (code: string, children: string[]) =>
    new DomainError(
      'UNITS_HAS_ACTIVE_CHILDREN',
      'conflict',
      `Đơn vị "${code}" còn đơn vị trực thuộc đang hoạt động: ${children.join(', ')}.`,
    ),
};

/**
 * The unit tree as tenant admins edit it through the API (the rule files keep theirs through
 * `cong tenants apply`). Every change is audited; kinds must be ones the province's rules declare.
 */
@Injectable()
export class UnitDirectory {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditLog,
    /** The portal shows the unit tree and profiles: a change is seen there at once. */
    @Optional() private readonly cache?: PublicResponseCache,
  ) {}

  /** After a change citizens see (the tree, names, profiles): the province's public answers go. */
  private async seen<T>(tenantId: string, change: Promise<T>): Promise<T> {
    const result = await change;
    await this.cache?.invalidate(tenantId);
    return result;
  }

  list(tenantId: string, includeInactive = false): Promise<UnitView[]> {
    return this.db.transaction(tenantId, async (m) => {
      const units = await m.getRepository(Unit).find({ where: { tenantId }, order: { code: 'ASC' } });
      const codeOf = new Map(units.map((u) => [u.id, u.code]));
      return units.filter((u) => includeInactive || u.active).map((u) => view(u, codeOf));
    });
  }

  get(tenantId: string, code: string): Promise<UnitView> {
    return this.db.transaction(tenantId, async (m) => this.viewOf(m, await this.unitOrFail(m, tenantId, code)));
  }

  /** The unit's id and those of every unit above it: a role held at any of them covers the unit. */
  lineage(tenantId: string, code: string): Promise<string[]> {
    return this.db.transaction(tenantId, async (m) => {
      const unit = await this.unitOrFail(m, tenantId, code);
      return unitLineage(m, tenantId, unit.id);
    });
  }

  create(actor: Actor, tenantId: string, input: NewUnit, declaredKinds: string[]): Promise<UnitView> {
    return this.seen(
      tenantId,
      this.db.transaction(tenantId, async (m) => {
        if (!declaredKinds.includes(input.kind)) throw UnitErrors.kindNotDeclared(input.kind, declaredKinds);
        if (await m.getRepository(Unit).findOneBy({ tenantId, code: input.code })) throw UnitErrors.codeTaken(input.code);
        const parentId = input.parent ? (await this.activeOrFail(m, tenantId, input.parent)).id : null;
        const repo = m.getRepository(Unit);
        const unit = await repo
          .save(
            repo.create({
              tenantId,
              code: input.code,
              name: input.name.trim(),
              kind: input.kind,
              parentId,
              tags: input.tags ?? [],
              managedBy: 'api',
              active: true,
              profile: {},
            }),
          )
          .catch((error: unknown) => {
            // Two admins adding the same code at once: the second gets the 409 the check above gives.
            if (
              error instanceof QueryFailedError &&
              (error.driverError as { constraint?: string }).constraint === 'units_unit_tenant_id_code_key'
            )
              throw UnitErrors.codeTaken(input.code);
            throw error;
          });
        await this.audit.record(m, {
          tenantId,
          action: 'units.unit_created',
          subjectType: 'unit',
          subjectId: unit.id,
          details: { code: unit.code, kind: unit.kind, parent: input.parent ?? null },
          actor,
        });
        return this.viewOf(m, unit);
      }),
    );
  }

  update(actor: Actor, tenantId: string, code: string, changes: UnitChanges, declaredKinds: string[]): Promise<UnitView> {
    return this.seen(
      tenantId,
      this.db.transaction(tenantId, async (m) => {
        const unit = await this.unitOrFail(m, tenantId, code);
        const patch: Partial<Unit> = {};
        if (changes.name !== undefined) patch.name = changes.name.trim();
        if (changes.kind !== undefined) {
          if (!declaredKinds.includes(changes.kind)) throw UnitErrors.kindNotDeclared(changes.kind, declaredKinds);
          patch.kind = changes.kind;
        }
        if (changes.tags !== undefined) patch.tags = changes.tags;
        if (changes.parent !== undefined) {
          if (changes.parent === null) patch.parentId = null;
          else {
            const parent = await this.activeOrFail(m, tenantId, changes.parent);
            if ((await unitLineage(m, tenantId, parent.id)).includes(unit.id)) throw UnitErrors.cycle(code, changes.parent);
            patch.parentId = parent.id;
          }
        }
        await m.getRepository(Unit).update({ tenantId, id: unit.id }, patch);
        await this.audit.record(m, {
          tenantId,
          action: 'units.unit_changed',
          subjectType: 'unit',
          subjectId: unit.id,
          details: { code, changes },
          actor,
        });
        return this.viewOf(m, { ...unit, ...patch });
      }),
    );
  }

  async setProfile(actor: Actor, tenantId: string, code: string, profile: UnitProfileData): Promise<UnitView> {
    // The column holds at most 64 KiB; each field's own limit allows more than that together.
    if (Buffer.byteLength(JSON.stringify(profile)) > MAX_PROFILE_BYTES) throw UnitErrors.profileTooLarge();
    return this.seen(
      tenantId,
      this.db.transaction(tenantId, async (m) => {
        const unit = await this.unitOrFail(m, tenantId, code);
        await m.getRepository(Unit).update({ tenantId, id: unit.id }, { profile });
        await this.audit.record(m, {
          tenantId,
          action: 'units.unit_changed',
          subjectType: 'unit',
          subjectId: unit.id,
          details: { code, profile: 'updated' },
          actor,
        });
        return this.viewOf(m, { ...unit, profile });
      }),
    );
  }

  /** Units are never deleted (content and history refer to them); a unit with active sub-units stays. */
  deactivate(actor: Actor, tenantId: string, code: string): Promise<UnitView> {
    return this.seen(
      tenantId,
      this.db.transaction(tenantId, async (m) => {
        const unit = await this.unitOrFail(m, tenantId, code);
        const children = await m.getRepository(Unit).findBy({ tenantId, parentId: unit.id, active: true });
        if (children.length > 0)
          throw UnitErrors.hasActiveChildren(
            code,
            children.map((c) => c.code),
          );
        await m.getRepository(Unit).update({ tenantId, id: unit.id }, { active: false });
        await this.audit.record(m, {
          tenantId,
          action: 'units.unit_deactivated',
          subjectType: 'unit',
          subjectId: unit.id,
          details: { code },
          actor,
        });
        return this.viewOf(m, { ...unit, active: false });
      }),
    );
  }

  setTeamLeader(actor: Actor, tenantId: string, code: string, userId: string | null, m?: EntityManager): Promise<UnitView> {
    const work = async (em: EntityManager) => {
      const unit = await this.unitOrFail(em, tenantId, code);
      await em.getRepository(Unit).update({ tenantId, id: unit.id }, { teamLeaderId: userId });
      await this.audit.record(em, {
        tenantId,
        action: 'units.unit_changed',
        subjectType: 'unit',
        subjectId: unit.id,
        details: { code, teamLeaderId: userId },
        actor,
      });
      return this.viewOf(em, { ...unit, teamLeaderId: userId });
    };
    return m ? work(m) : this.db.transaction(tenantId, work);
  }

  async unitOrFail(m: EntityManager, tenantId: string, code: string): Promise<Unit> {
    const unit = await m.getRepository(Unit).findOneBy({ tenantId, code });
    if (!unit) throw UnitErrors.notFound(code);
    return unit;
  }

  private async activeOrFail(m: EntityManager, tenantId: string, code: string): Promise<Unit> {
    const unit = await m.getRepository(Unit).findOneBy({ tenantId, code, active: true });
    if (!unit) throw UnitErrors.unknownParent(code);
    return unit;
  }

  private async viewOf(m: EntityManager, unit: Unit): Promise<UnitView> {
    const parent = unit.parentId ? await m.getRepository(Unit).findOneBy({ id: unit.parentId }) : null;
    return view(unit, new Map(parent ? [[parent.id, parent.code]] : []));
  }
}

/** A unit and every unit above it, nearest first (bounded: a tree is never 64 levels deep). */
export async function unitLineage(m: EntityManager, tenantId: string, unitId: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM units_unit WHERE tenant_id = $1 AND id = $2
       UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units_unit u JOIN up ON u.id = up.parent_id WHERE u.tenant_id = $1 AND up.depth < 64
     ) SELECT id FROM up`,
    [tenantId, unitId],
  );
  return rows.map((r) => r.id);
}

/** The units at or below `roots` (how far a unit role reaches), with their codes. */
export async function unitSubtree(m: EntityManager, tenantId: string, roots: string[]): Promise<{ id: string; code: string }[]> {
  if (roots.length === 0) return [];
  return m.query(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, 0 FROM units_unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT u.id, d.depth + 1 FROM units_unit u JOIN down d ON u.parent_id = d.id WHERE u.tenant_id = $1 AND d.depth < 64
     ) SELECT DISTINCT u.id, u.code FROM down JOIN units_unit u ON u.tenant_id = $1 AND u.id = down.id`,
    [tenantId, roots],
  );
}

function view(u: Unit, codeOf: Map<string, string>): UnitView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: u.parentId ? (codeOf.get(u.parentId) ?? null) : null,
    tags: u.tags,
    active: u.active,
    managedBy: u.managedBy,
    profile: u.profile ?? {},
    teamLeaderId: u.teamLeaderId,
  };
}
