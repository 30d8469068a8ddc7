import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AuditAction, AuditEntry, AuditLog, AuditQuery } from '@cong/platform-audit';
import { decodeCursor, nextCursor, TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { TABLE_FILE_TYPES, tableCsv, tableXlsx } from '@cong/platform-tables';
import { NoTenant, TenantContext, TenantErrors, TenantRepository } from '@cong/tenancy';
import { UnitDirectory } from '@cong/units';
import { CurrentPrincipal, Requires } from '../access/access.decorators';
import { Principal } from '../auth/principal';
import { AUDIT_EXPORT_LIMIT, auditFile } from './audit-file';
import { AuditActionView, AuditExportQuery, AuditPage, AuditQueryParams, OperatorAuditQueryParams } from './audit-query.dto';

interface ReplyLike {
  header(name: string, value: string): ReplyLike;
}

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
    private readonly units: UnitDirectory,
  ) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({ summary: "This province's audit entries, newest first, filtered and paged" })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() params: AuditQueryParams): Promise<AuditPage> {
    const query = await this.queryOf(params);
    return page(await this.read(query), query.limit);
  }

  @Get('actions')
  @Requires('audit.read')
  @ApiOperation({ summary: 'Every action the log records, with its Vietnamese name' })
  @ApiOkResponse({ type: [AuditActionView] })
  actions(): AuditActionView[] {
    return AUDIT_ACTIONS.map((action) => ({ action, label: AUDIT_ACTION_LABELS[action] }));
  }

  @Get('export')
  @Requires('audit.read')
  @ApiOperation({ summary: `The filtered entries as one CSV or XLSX file (at most ${AUDIT_EXPORT_LIMIT}), newest first` })
  @ApiProduces(TABLE_FILE_TYPES.csv, TABLE_FILE_TYPES.xlsx)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async export(@Query() params: AuditExportQuery, @Res({ passthrough: true }) reply: ReplyLike): Promise<Buffer> {
    const query = await this.queryOf({ ...params, cursor: undefined, limit: undefined });
    const entries = await this.read({ ...query, limit: AUDIT_EXPORT_LIMIT + 1 });
    if (entries.length > AUDIT_EXPORT_LIMIT) {
      throw new DomainError(
        'AUDIT_EXPORT_TOO_LARGE',
        'validation',
        `Có hơn ${AUDIT_EXPORT_LIMIT.toLocaleString('vi-VN')} mục khớp bộ lọc: hãy thu hẹp khoảng ngày, hành động hoặc người thực hiện.`,
      );
    }
    const tenant = this.tenants.current();
    const file = auditFile(entries, tenant.name, tenant.timezone, filtersShown(params));
    reply
      .header('content-type', TABLE_FILE_TYPES[params.format])
      .header('content-disposition', `attachment; filename="nhat-ky-${tenant.code}.${params.format}"`);
    return params.format === 'csv' ? tableCsv(file) : tableXlsx(file, 'Nhật ký');
  }

  private async queryOf(params: AuditQueryParams): Promise<AuditQuery> {
    const query = toQuery(params);
    if (!params.unit) return query;
    const unit = await this.units.get(this.tenants.require(), params.unit);
    return { ...query, unit: { id: unit.id, code: unit.code } };
  }

  private read(query: AuditQuery): Promise<AuditEntry[]> {
    const tenantId = this.tenants.require();
    return this.db.transaction(tenantId, (m) => this.audit.query(m, { ...query, tenantId }));
  }
}

/** The filters of an export, written in its title so the file says what it holds. */
function filtersShown(params: AuditQueryParams): string[] {
  const shown: string[] = [];
  if (params.action?.length) shown.push(`hành động ${params.action.map((a) => AUDIT_ACTION_LABELS[a as AuditAction] ?? a).join(', ')}`);
  if (params.actor) shown.push(`người thực hiện ${params.actor}`);
  if (params.unit) shown.push(`đơn vị ${params.unit}`);
  if (params.subject) shown.push(`đối tượng ${params.subject}`);
  if (params.from) shown.push(`từ ${params.from}`);
  if (params.to) shown.push(`đến trước ${params.to}`);
  return shown;
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
    if (params.unit) {
      throw new DomainError('AUDIT_UNIT_FILTER_IN_PROVINCE', 'validation', 'Lọc theo đơn vị chỉ có trong nhật ký của một tỉnh.', [
        { field: 'unit', message: 'Bỏ bộ lọc đơn vị, hoặc xem nhật ký bằng tài khoản của tỉnh.' },
      ]);
    }
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
