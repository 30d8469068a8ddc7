import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decodeCursor, nextCursor, OperatorAccess, OperatorAccessLog, OperatorAccessQuery, TenantDatabase } from '@cong/platform-database';
import { NoTenant, Tenant, TenantContext, TenantErrors, TenantRepository } from '@cong/tenancy';
import { Requires } from '../access/access.decorators';
import { OperatorAccessPage, OperatorAccessQueryParams, ProvinceOperatorAccessQuery } from './operator-access.dto';

function toQuery(params: OperatorAccessQueryParams): OperatorAccessQuery {
  const position = params.cursor ? decodeCursor(params.cursor, 'AUDIT_BAD_CURSOR') : undefined;
  return {
    actorLabel: params.actor,
    from: params.from ? new Date(params.from) : undefined,
    to: params.to ? new Date(params.to) : undefined,
    after: position && { startedAt: position.at, id: position.id },
    limit: params.limit ?? 50,
  };
}

function page(items: OperatorAccess[], limit: number, provinces: Tenant[]): OperatorAccessPage {
  const byId = new Map(provinces.map((t) => [t.id, t]));
  return {
    items: items.map((a) => ({
      id: a.id,
      actorLabel: a.actorLabel,
      reason: a.reason,
      tenant: a.tenantId ? (byId.get(a.tenantId)?.code ?? null) : null,
      tenantName: a.tenantId ? (byId.get(a.tenantId)?.name ?? null) : null,
      startedAt: a.startedAt,
    })),
    nextCursor: nextCursor(items, limit, (a) => ({ at: a.startedAt, id: a.id })),
  };
}

/**
 * The trail of every opening of all provinces' rows (item 7 of the console issue): who, why, when,
 * and the province the work named. Reading the trail opens no province's data, so it is not itself
 * an operator access.
 */
@ApiTags('operator')
@ApiBearerAuth()
@NoTenant()
@Controller('operator/access-log')
export class OperatorAccessController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly log: OperatorAccessLog,
    private readonly tenants: TenantRepository,
  ) {}

  @Get()
  @Requires('platform.audit.read')
  @ApiOperation({ summary: 'Every cross-province access with its reason, newest first, filtered and paged' })
  @ApiOkResponse({ type: OperatorAccessPage })
  async list(@Query() params: OperatorAccessQueryParams): Promise<OperatorAccessPage> {
    const query = toQuery(params);
    const provinces = await this.tenants.listAll();
    if (params.tenant) {
      const tenant = provinces.find((t) => t.code === params.tenant);
      if (!tenant) throw TenantErrors.notFound(`mã "${params.tenant}"`);
      query.tenantId = tenant.id;
    }
    return page(await this.log.query(this.db.dataSource.manager, query), query.limit, provinces);
  }
}

/** A province's IT centre sees when national operators opened its rows, and why. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/operator-access')
export class ProvinceOperatorAccessController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly log: OperatorAccessLog,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: "National operators' accesses that named this province, newest first" })
  @ApiOkResponse({ type: OperatorAccessPage })
  async list(@Query() params: ProvinceOperatorAccessQuery): Promise<OperatorAccessPage> {
    const query = { ...toQuery(params), tenantId: this.tenants.require() };
    const { id, code, name } = this.tenants.current();
    const items = await this.db.transaction(id, (m) => this.log.query(m, query));
    return page(items, query.limit, [{ id, code, name } as Tenant]);
  }
}
