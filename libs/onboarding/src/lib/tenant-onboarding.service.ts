import { Injectable, Optional } from '@nestjs/common';
import { PublicResponseCache } from '@cong/platform-cache';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import {
  addDays,
  appendVersion,
  canonicalDocument,
  checksumOf,
  diffRuleDocuments,
  isCalendarDate,
  latestIn,
  RuleSet,
  TenantDefinition,
  todayIn,
} from '@cong/rules';
import { Tenant, TenantDomain } from '@cong/tenancy';
import { planSites, provisionSites } from '@cong/sites';
import { applyUnitTree, hasUnitChanges, planUnitTree, Unit } from '@cong/units';
import { EntityManager, QueryFailedError } from 'typeorm';
import { OnboardingErrors } from './onboarding.errors';
import { OnboardingPlan, planHasChanges, RulesStep, TenantStep } from './onboarding-plan';

export interface OnboardingOptions {
  /** Shown in the audit trail and stored with the rule version: a username or `cli:<os-user>`. */
  actorLabel: string;
  actorId?: string | null;
  /** For a rule file without `effectiveFrom`; must agree with the file when both are given. */
  effectiveFrom?: string;
  note?: string;
  /** The moment "today" is taken from (tests pin it). */
  now?: Date;
}

export interface OnboardingResult {
  plan: OnboardingPlan;
  changed: boolean;
  tenantId: string | null;
}

/**
 * Onboards a province from its folder, or brings it in line with a changed folder: the province
 * and its domains, the unit tree, and a new rule version when the rules changed. Everything
 * happens in one audited operator transaction, so a failure leaves nothing half-applied, and
 * applying the same files twice changes nothing.
 */
@Injectable()
export class TenantOnboarding {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditLog,
    @Optional() private readonly cache?: PublicResponseCache,
  ) {}

  /** What `apply` would do, without changing anything. */
  async plan(definition: TenantDefinition, options: OnboardingOptions): Promise<OnboardingPlan> {
    const existing = await this.db.dataSource.getRepository(Tenant).findOneBy({ code: definition.ruleSet.code });
    if (!existing) return this.db.dataSource.transaction((m) => computePlan(m, null, definition, options));
    return this.db.transaction(existing.id, (m) => computePlan(m, existing, definition, options));
  }

  async apply(definition: TenantDefinition, options: OnboardingOptions): Promise<OnboardingResult> {
    const result = await this.applyInTransaction(definition, options);
    // Sites, their domains and titles are in public answers (the site list, feeds): they go now,
    // not when the cache would have let them expire.
    if (result.changed && result.tenantId) await this.cache?.invalidate(result.tenantId);
    return result;
  }

  private async applyInTransaction(definition: TenantDefinition, options: OnboardingOptions): Promise<OnboardingResult> {
    const code = definition.ruleSet.code;
    const known = await this.db.dataSource.getRepository(Tenant).findOneBy({ code });
    try {
      return await this.db.asOperator(
        { actorId: options.actorId ?? null, actorLabel: options.actorLabel, reason: `apply tenants/${code}`, tenantId: known?.id ?? null },
        async (m) => {
          // One apply per province at a time; a second waits, then sees the first one's result.
          await m.query(`SELECT pg_advisory_xact_lock(hashtext('onboarding:' || $1))`, [code]);
          const existing = await m.getRepository(Tenant).findOneBy({ code });
          const plan = await computePlan(m, existing, definition, options);
          if (!planHasChanges(plan)) return { plan, changed: false, tenantId: existing?.id ?? null };
          const tenantId = await applyTenant(m, existing, definition);
          const actor = { id: options.actorId ?? null, label: options.actorLabel };
          if (!existing)
            await this.audit.record(m, {
              tenantId,
              action: 'tenancy.tenant_onboarded',
              subjectType: 'tenant',
              subjectId: tenantId,
              details: { code },
              actor,
            });
          const units = await applyUnitTree(
            m,
            tenantId,
            definition.units.map((u) => ({ ...u, tags: u.tags ?? [] })),
          );
          if (hasUnitChanges(units)) {
            await this.audit.record(m, {
              tenantId,
              action: 'units.unit_changed',
              subjectType: 'unit_tree',
              subjectId: tenantId,
              actor,
              details: {
                source: 'rule files',
                added: units.added.map((u) => u.code),
                changed: units.changed.map((u) => u.code),
                deactivated: units.deactivated,
              },
            });
          }
          await provisionSites(m, tenantId, definition.ruleSet);
          if (plan.rules.action !== 'none') {
            const document = canonicalDocument(definition.ruleSet);
            await this.audit.record(m, {
              tenantId,
              action: 'rules.version_applied',
              subjectType: 'rule_version',
              subjectId: String(plan.rules.version),
              actor,
              details: {
                version: plan.rules.version,
                effectiveFrom: plan.rules.effectiveFrom,
                checksum: checksumOf(document),
                note: options.note ?? null,
              },
            });
            await appendVersion(m, tenantId, {
              effectiveFrom: plan.rules.effectiveFrom,
              checksum: checksumOf(document),
              document,
              source: definition.sources.rules,
              appliedBy: options.actorLabel,
              note: options.note?.trim() || null,
            });
          }
          return { plan, changed: true, tenantId };
        },
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        const detail = String((error.driverError as { detail?: string }).detail ?? '');
        const domain = provinceDomains(definition.ruleSet).find((d) => detail.includes(`(${d})`));
        if (domain) throw OnboardingErrors.domainTaken(domain, 'khác', domainField(definition.ruleSet, domain));
        throw OnboardingErrors.concurrentApply(code);
      }
      throw error;
    }
  }
}

async function computePlan(
  m: EntityManager,
  existing: Tenant | null,
  definition: TenantDefinition,
  options: OnboardingOptions,
): Promise<OnboardingPlan> {
  const rules = definition.ruleSet;
  const wantedDomains = provinceDomains(rules);
  await refuseDomainsOfOthers(m, existing, rules);

  const storedDomains = existing ? (await m.getRepository(TenantDomain).findBy({ tenantId: existing.id })).map((d) => d.domain) : [];
  const storedUnits = existing ? await m.getRepository(Unit).findBy({ tenantId: existing.id }) : [];
  const latest = existing ? await latestIn(m, existing.id) : null;

  let tenant: TenantStep = { action: 'create' };
  if (existing) {
    const fields: string[] = [];
    if (existing.name !== rules.name) fields.push(`name: ${existing.name} → ${rules.name}`);
    if (existing.timezone !== rules.timezone) fields.push(`timezone: ${existing.timezone} → ${rules.timezone}`);
    tenant = fields.length ? { action: 'update', fields } : { action: 'none' };
  }

  const document = canonicalDocument(rules);
  const effectiveFrom = effectiveDateOf(definition, options, latest === null);
  let rulesStep: RulesStep;
  if (!latest) rulesStep = { action: 'create', version: 1, effectiveFrom };
  else if (latest.checksum === checksumOf(document))
    rulesStep = { action: 'none', version: latest.version, effectiveFrom: latest.effectiveFrom };
  else {
    if (effectiveFrom < latest.effectiveFrom)
      throw OnboardingErrors.effectiveDateBeforeLatest(effectiveFrom, latest.version, latest.effectiveFrom);
    rulesStep = {
      action: 'new-version',
      version: latest.version + 1,
      effectiveFrom,
      changes: diffRuleDocuments(latest.document, document),
    };
  }

  return {
    code: rules.code,
    tenant,
    domains: {
      added: wantedDomains.filter((d) => !storedDomains.includes(d)),
      removed: storedDomains.filter((d) => !wantedDomains.includes(d)),
      primary: wantedDomains[0],
    },
    units: planUnitTree(
      storedUnits,
      definition.units.map((u) => ({ ...u, tags: u.tags ?? [] })),
    ),
    sites: await planSites(m, existing?.id ?? null, rules, wantedUnitsForSites(storedUnits, definition)),
    rules: rulesStep,
  };
}

/** The units as they will be after the apply: the file's, plus active units the API keeps. */
function wantedUnitsForSites(stored: Unit[], definition: TenantDefinition) {
  const listed = new Set(definition.units.map((u) => u.code));
  const apiKept = stored.filter((u) => u.managedBy === 'api' && u.active && !listed.has(u.code));
  return [...definition.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, active: true })), ...apiKept];
}

/**
 * The file's own `effectiveFrom` wins; else the option; else a province's first rules take effect
 * with its decision (signed + N days) and later ones on the day they are applied.
 */
function effectiveDateOf(definition: TenantDefinition, options: OnboardingOptions, first: boolean): string {
  const rules = definition.ruleSet;
  if (options.effectiveFrom !== undefined && !isCalendarDate(options.effectiveFrom))
    throw OnboardingErrors.invalidEffectiveDate(options.effectiveFrom);
  if (rules.effectiveFrom && options.effectiveFrom && rules.effectiveFrom !== options.effectiveFrom) {
    throw OnboardingErrors.effectiveDateConflict(rules.effectiveFrom, options.effectiveFrom);
  }
  if (rules.effectiveFrom) return rules.effectiveFrom;
  if (options.effectiveFrom) return options.effectiveFrom;
  if (first) return addDays(rules.legalBasis.signedOn, rules.legalBasis.inForceAfterDays);
  return todayIn(rules.timezone, options.now);
}

/** Every host name the province answers on: the portal's (the first is primary), then its sub-sites'. */
function provinceDomains(rules: RuleSet): string[] {
  return [...rules.portal.domains, ...(rules.portal.subsiteDomains ?? []).map((d) => d.domain)];
}

const domainField = (rules: RuleSet, domain: string) =>
  rules.portal.domains.includes(domain) ? 'portal.domains' : 'portal.subsiteDomains';

async function refuseDomainsOfOthers(m: EntityManager, existing: Tenant | null, rules: RuleSet): Promise<void> {
  const domains = provinceDomains(rules);
  const owners = await m
    .getRepository(TenantDomain)
    .createQueryBuilder('d')
    .innerJoin(Tenant, 't', 't.id = d.tenant_id')
    .select(['d.domain AS domain', 't.code AS code'])
    .where('d.domain IN (:...domains)', { domains })
    .getRawMany<{ domain: string; code: string }>();
  const taken = owners.find((o) => o.code !== existing?.code);
  if (taken) throw OnboardingErrors.domainTaken(taken.domain, taken.code, domainField(rules, taken.domain));
}

async function applyTenant(m: EntityManager, existing: Tenant | null, definition: TenantDefinition): Promise<string> {
  const rules = definition.ruleSet;
  const tenants = m.getRepository(Tenant);
  const domains = m.getRepository(TenantDomain);
  let tenantId: string;
  if (!existing) {
    tenantId = (await tenants.save(tenants.create({ code: rules.code, name: rules.name, timezone: rules.timezone, status: 'active' }))).id;
  } else {
    tenantId = existing.id;
    if (existing.name !== rules.name || existing.timezone !== rules.timezone) {
      await tenants.update({ id: tenantId }, { name: rules.name, timezone: rules.timezone });
    }
  }
  const wanted = provinceDomains(rules);
  const stored = await domains.findBy({ tenantId });
  const storedNames = stored.map((d) => d.domain);
  const removed = storedNames.filter((d) => !wanted.includes(d));
  if (removed.length > 0) await domains.delete(removed.map((domain) => ({ tenantId, domain })));
  // At most one primary domain per province (a partial unique index): clear, then set.
  await domains.update({ tenantId, isPrimary: true }, { isPrimary: false });
  for (const domain of wanted.filter((d) => !storedNames.includes(d))) await domains.insert({ tenantId, domain, isPrimary: false });
  await domains.update({ tenantId, domain: wanted[0] }, { isPrimary: true });
  return tenantId;
}
