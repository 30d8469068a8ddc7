import { Injectable } from '@nestjs/common';
import { OperatorAccessRequest, TenantDatabase } from '@cong/platform-database';
import { DataSource, QueryFailedError } from 'typeorm';
import { TenantDomain } from './tenant-domain.entity';
import { Tenant, TenantStatus } from './tenant.entity';
import { TenantErrors } from './tenant.errors';

const VIETNAMESE_ORDER = new Intl.Collator('vi').compare;

export interface NewTenant {
  code: string;
  name: string;
  timezone: string;
  domains: string[];
  status?: TenantStatus;
}

/**
 * Provinces and their domains. Reads of the registry need no tenant (the list is public); writes go
 * through the audited operator path; a province's own domains are read inside its transaction.
 */
@Injectable()
export class TenantRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDatabase,
  ) {}

  findByCode(code: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ code });
  }

  findById(id: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ id });
  }

  async findByDomain(domain: string): Promise<Tenant | null> {
    return this.dataSource
      .getRepository(Tenant)
      .createQueryBuilder('t')
      .innerJoin(TenantDomain, 'd', 'd.tenant_id = t.id')
      .where('d.domain = :domain', { domain })
      .getOne();
  }

  listAll(): Promise<Tenant[]> {
    return this.dataSource.getRepository(Tenant).find({ order: { code: 'ASC' } });
  }

  /** Active provinces, code and name, in Vietnamese alphabetical order of name (Đ after D). */
  async listActiveByName(): Promise<{ code: string; name: string }[]> {
    const rows = await this.dataSource.getRepository(Tenant).find({ select: { code: true, name: true }, where: { status: 'active' } });
    return rows.map((t) => ({ code: t.code, name: t.name })).sort((a, b) => VIETNAMESE_ORDER(a.name, b.name) || (a.code < b.code ? -1 : 1));
  }

  findDomainsOf(tenantId: string): Promise<TenantDomain[]> {
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(TenantDomain).find({
        where: { tenantId },
        order: { isPrimary: 'DESC', domain: 'ASC' },
      }),
    );
  }

  /** Creates a province with its domains (the first is primary), as an audited operator action. */
  async create(input: NewTenant, access: OperatorAccessRequest): Promise<Tenant> {
    try {
      return await this.db.asOperator(access, async (m) => {
        const tenant = await m.getRepository(Tenant).save(
          m.getRepository(Tenant).create({
            code: input.code,
            name: input.name,
            timezone: input.timezone,
            status: input.status ?? 'active',
          }),
        );
        if (input.domains.length > 0) {
          await m
            .getRepository(TenantDomain)
            .insert(input.domains.map((domain, i) => ({ tenantId: tenant.id, domain, isPrimary: i === 0 })));
        }
        return tenant;
      });
    } catch (error) {
      throw translateUniqueViolation(error, input);
    }
  }
}

function translateUniqueViolation(error: unknown, input: NewTenant): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code !== '23505') return error;
  if (constraint?.includes('domain')) {
    const detail = String((error.driverError as { detail?: string }).detail ?? '');
    return TenantErrors.domainTaken(input.domains.find((d) => detail.includes(d)) ?? input.domains.join(', '));
  }
  return TenantErrors.codeTaken(input.code);
}
