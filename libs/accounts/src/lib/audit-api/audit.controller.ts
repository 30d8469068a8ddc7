import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntry, AuditLog, AuditQuery } from '@cong/platform-audit';
import { decodeCursor, nextCursor, TenantDatabase } from '@cong/platform-database';
import { NoTenant, TenantContext, TenantErrors, TenantRepository } from '@cong/tenancy';
import { CurrentPrincipal, Requires } from '../access/access.decorators';
import { Principal } from '../auth/principal';
import { AuditPage, AuditQueryParams, OperatorAuditQueryParams } from './audit-query.dto';

function toQuery(params: AuditQueryParams): AuditQuery {
  const position = params.cursor ? decodeCursor(params.cursor, 'AUDIT_BAD_CURSOR') : undefined;
  const after: AuditQuery['after'] = position && { occurredAt: position.at, id: position.id };
  return {
    actions: params.action,
    actorId: params.actor,
    subjectId: params.subject,
    from: params.from ? new Date(params.from) : undefined,
    to: params.to ? new Date(params.to) : undefined,
    after,
    limit: params.limit ?? 50,
  };
}

function page(items: AuditEntry[], limit: number): AuditPage {
  return { items, nextCursor: nextCursor(items, limit, (e) => ({ at: e.occurredAt, id: e.id })) };
}

/** The province's audit log, for its IT centre (tenant_admin). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditLog,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: "This province's audit entries, newest first, filtered and paged" })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() params: AuditQueryParams): Promise<AuditPage> {
    const query = toQuery(params);
    const tenantId = this.tenants.require();
    return page(await this.db.transaction(tenantId, (m) => this.audit.query(m, { ...query, tenantId })), query.limit);
  }
}

/** Every province's audit log and the platform's own events, for national operators. */
@ApiTags('operator')
@ApiBearerAuth()
@NoTenant()
@Controller('operator/audit')
export class OperatorAuditController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditLog,
    private readonly tenants: TenantRepository,
  ) {}

  @Get()
  @Requires('platform.audit.read')
  @ApiOperation({ summary: 'Audit entries of one province (tenant=code) or of all, newest first' })
  @ApiOkResponse({ type: AuditPage })
  async list(@CurrentPrincipal() operator: Principal, @Query() params: OperatorAuditQueryParams): Promise<AuditPage> {
    const query = toQuery(params);
    let tenantId: string | undefined;
    if (params.tenant) {
      const tenant = await this.tenants.findByCode(params.tenant);
      if (!tenant) throw TenantErrors.notFound(`mã "${params.tenant}"`);
      tenantId = tenant.id;
    }
    const items = await this.db.asOperator(
      { actorId: operator.userId, actorLabel: operator.username, reason: 'operator API: read the audit log', tenantId },
      (m) => this.audit.query(m, { ...query, tenantId }),
    );
    return page(items, query.limit);
  }
}
