import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { RuleVersionRepository, todayIn } from '@cong/rules';
import { TenantContext } from '@cong/tenancy';
import { Unit, UnitDirectory, UnitView } from '@cong/units';
import { CurrentPrincipal, Requires } from '../access/access.decorators';
import { Capability, holdsFor } from '../access/capabilities';
import { AuthErrors } from '../auth/auth.errors';
import { actorOf, Principal } from '../auth/principal';
import { Membership } from '../users/membership.entity';
import { User } from '../users/user.entity';
import {
  CreateUnitRequest,
  TeamLeaderRequest,
  TeamResponse,
  UnitKindResponse,
  UnitProfileRequest,
  UnitListQuery,
  UnitResponse,
  UpdateUnitRequest,
} from './units.dto';

/**
 * A province's unit tree (NA-3, LC-1.1): the IT centre shapes it; a unit's head keeps its profile
 * (NA-5.1) and names who leads its information team (NA-8.1, LC-3.1a).
 */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitDirectory,
    private readonly tenants: TenantContext,
    private readonly versions: RuleVersionRepository,
    private readonly db: TenantDatabase,
  ) {}

  @Get()
  @Requires('units.read')
  @ApiOkResponse({ type: [UnitResponse] })
  list(@Query() q: UnitListQuery): Promise<UnitView[]> {
    return this.units.list(this.tenants.require(), q.inactive === 'true');
  }

  @Get('kinds')
  @Requires('units.read')
  @ApiOperation({ summary: 'The unit kinds the rules in force today declare, with their Vietnamese names (a unit must be of one)' })
  @ApiOkResponse({ type: [UnitKindResponse] })
  async kinds(): Promise<UnitKindResponse[]> {
    const tenant = this.tenants.current();
    const rules = await this.versions.ruleSetInForceOn(tenant.id, todayIn(tenant.timezone));
    return (rules?.unitKinds ?? []).map((k) => ({ kind: k.kind, label: k.label ?? k.kind }));
  }

  @Get(':code')
  @Requires('units.read')
  @ApiOkResponse({ type: UnitResponse })
  get(@Param('code') code: string): Promise<UnitView> {
    return this.units.get(this.tenants.require(), code);
  }

  @Post()
  @Requires('units.manage')
  @ApiOperation({ summary: 'Add a unit (kept by the API: applying the rule files never deactivates it)' })
  @ApiCreatedResponse({ type: UnitResponse })
  async create(@CurrentPrincipal() actor: Principal, @Body() body: CreateUnitRequest): Promise<UnitView> {
    return this.units.create(actorOf(actor), this.tenants.require(), body, await this.declaredKinds());
  }

  @Patch(':code')
  @Requires('units.manage')
  @ApiOperation({ summary: 'Rename, change kind, move in the tree (cycles refused), retag' })
  @ApiOkResponse({ type: UnitResponse })
  async update(@CurrentPrincipal() actor: Principal, @Param('code') code: string, @Body() body: UpdateUnitRequest): Promise<UnitView> {
    return this.units.update(actorOf(actor), this.tenants.require(), code, body, await this.declaredKinds());
  }

  @Delete(':code')
  @Requires('units.manage')
  @ApiOperation({ summary: 'Deactivate (units are never deleted; one with active sub-units is refused)' })
  @ApiOkResponse({ type: UnitResponse })
  deactivate(@CurrentPrincipal() actor: Principal, @Param('code') code: string): Promise<UnitView> {
    return this.units.deactivate(actorOf(actor), this.tenants.require(), code);
  }

  @Put(':code/profile')
  @Requires('units.profile.edit')
  @ApiOperation({
    summary: "NA-5.1: the unit's introduction — functions, duties, address, leaders' and divisions' contacts, fields of activity",
  })
  @ApiOkResponse({ type: UnitResponse })
  async setProfile(@CurrentPrincipal() actor: Principal, @Param('code') code: string, @Body() body: UnitProfileRequest): Promise<UnitView> {
    await this.requireForUnit(actor, 'units.profile.edit', code);
    return this.units.setProfile(actorOf(actor), this.tenants.require(), code, { ...body });
  }

  @Get(':code/team')
  @Requires('units.read')
  @ApiOperation({ summary: "The unit's information team: who holds unit_head and unit_editor there, and its leader" })
  @ApiOkResponse({ type: TeamResponse })
  team(@Param('code') code: string): Promise<TeamResponse> {
    const tenantId = this.tenants.require();
    return this.db.transaction(tenantId, async (m) => {
      const unit = await this.units.unitOrFail(m, tenantId, code);
      const rows = await m
        .getRepository(Membership)
        .createQueryBuilder('ms')
        .innerJoin(User, 'u', 'u.id = ms.user_id')
        .select(['ms.user_id AS "userId"', 'u.username AS username', 'u.display_name AS "displayName"', 'ms.role AS role'])
        .where("ms.tenant_id = :tenantId AND ms.unit_id = :unitId AND u.status = 'active'", { tenantId, unitId: unit.id })
        .orderBy('ms.role', 'ASC')
        .addOrderBy('u.username', 'ASC')
        .getRawMany<{ userId: string; username: string; displayName: string; role: string }>();
      return { unit: code, leaderId: unit.teamLeaderId, members: rows.map((r) => ({ ...r, leader: r.userId === unit.teamLeaderId })) };
    });
  }

  @Put(':code/team/leader')
  @Requires('units.profile.edit')
  @ApiOperation({ summary: 'NA-8.1, LC-3.1a: name the leader responsible for the team (must hold unit_head at this unit)' })
  @ApiOkResponse({ type: UnitResponse })
  async setLeader(@CurrentPrincipal() actor: Principal, @Param('code') code: string, @Body() body: TeamLeaderRequest): Promise<UnitView> {
    await this.requireForUnit(actor, 'units.profile.edit', code);
    const tenantId = this.tenants.require();
    return this.db.transaction(tenantId, async (m) => {
      if (body.userId) {
        const unit: Unit = await this.units.unitOrFail(m, tenantId, code);
        const head = await m.getRepository(Membership).countBy({ tenantId, userId: body.userId, unitId: unit.id, role: 'unit_head' });
        if (head === 0) {
          throw new DomainError(
            'UNITS_LEADER_NOT_HEAD',
            'validation',
            'Người phụ trách tổ thông tin phải giữ vai trò lãnh đạo (unit_head) của đơn vị.',
            [{ field: 'userId', message: 'Người này không phải lãnh đạo của đơn vị.' }],
          );
        }
      }
      return this.units.setTeamLeader(actorOf(actor), tenantId, code, body.userId, m);
    });
  }

  private async requireForUnit(principal: Principal, capability: Capability, code: string): Promise<void> {
    const lineage = await this.units.lineage(this.tenants.require(), code);
    if (!holdsFor(principal, capability, lineage)) throw AuthErrors.forbidden(capability);
  }

  /** Unit kinds of the rules in force today; none before the province has rules. */
  private async declaredKinds(): Promise<string[]> {
    return (await this.kinds()).map((k) => k.kind);
  }
}
