import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { EntityManager } from 'typeorm';
import { RuleSet } from '../schema/rule-set.schema';
import { ruleSetFromDocument } from './canonical-document';
import { RuleVersion } from './rule-version.entity';

export type NewRuleVersion = Pick<RuleVersion, 'effectiveFrom' | 'checksum' | 'document' | 'source' | 'appliedBy' | 'note'>;

/**
 * The stored rule versions of each province. Reads run in the province's own transaction; an
 * append joins the caller's transaction (the audited operator path when a province is applied).
 */
@Injectable()
export class RuleVersionRepository {
  constructor(private readonly db: TenantDatabase) {}

  /** The newest version, whatever its effective date. */
  latest(tenantId: string): Promise<RuleVersion | null> {
    return this.db.transaction(tenantId, (m) => latestIn(m, tenantId));
  }

  /** The version that governs `date` (YYYY-MM-DD, in the province's time zone). */
  inForceOn(tenantId: string, date: string): Promise<RuleVersion | null> {
    return this.db.transaction(tenantId, (m) =>
      m
        .getRepository(RuleVersion)
        .createQueryBuilder('v')
        .where('v.tenant_id = :tenantId AND v.effective_from <= :date', { tenantId, date })
        .orderBy('v.effective_from', 'DESC')
        .addOrderBy('v.version', 'DESC')
        .getOne(),
    );
  }

  /** The rules that govern `date`, as classes; null before the province's first version. */
  async ruleSetInForceOn(tenantId: string, date: string): Promise<RuleSet | null> {
    const version = await this.inForceOn(tenantId, date);
    return version ? ruleSetFromDocument(version.document) : null;
  }

  find(tenantId: string, version: number): Promise<RuleVersion | null> {
    return this.db.transaction(tenantId, (m) => m.getRepository(RuleVersion).findOneBy({ tenantId, version }));
  }

  /** Newest first, without the (large) documents. */
  history(tenantId: string): Promise<RuleVersion[]> {
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(RuleVersion).find({
        where: { tenantId },
        order: { version: 'DESC' },
        select: ['id', 'tenantId', 'version', 'effectiveFrom', 'checksum', 'appliedBy', 'appliedAt', 'note'],
      }),
    );
  }
}

export function latestIn(m: EntityManager, tenantId: string): Promise<RuleVersion | null> {
  return m.getRepository(RuleVersion).findOne({ where: { tenantId }, order: { version: 'DESC' } });
}

/** Appends the next version number; the (tenant, version) key turns a concurrent append into an error. */
export async function appendVersion(m: EntityManager, tenantId: string, input: NewRuleVersion): Promise<RuleVersion> {
  const previous = await latestIn(m, tenantId);
  const repo = m.getRepository(RuleVersion);
  return repo.save(repo.create({ ...input, tenantId, version: (previous?.version ?? 0) + 1 }));
}
