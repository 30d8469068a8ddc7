import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import { defineJob, HandlesJob, RetryPolicies } from '@cong/platform-queue';
import { ProvinceJobs } from '@cong/tenancy';
import { EntityManager } from 'typeorm';
import { AccountPolicyProvider } from '../auth/account-policy.provider';
import { SessionService } from '../sessions/session.service';
import { User } from './user.entity';

/** Suspends a province's accounts unused past its `accountPolicy.suspendAfterInactiveDays` (issue 14). */
export const SuspendInactiveAccounts = defineJob<Record<string, never>>('accounts.suspend-inactive', 'accounts', RetryPolicies.standard);
/** Half past midnight, the province's time: a quiet hour, after the day's last sign-ins. */
const SUSPEND_AT = '30 0 * * *';
const DAY_MS = 24 * 3600 * 1000;

interface Candidate {
  id: string;
  username: string;
  last_active: Date;
  admin: boolean;
}

/**
 * The daily job that suspends accounts nobody has signed in to for the province's number of days:
 * counted from the last sign-in, or the account's creation, or the IT centre's last lift or
 * reactivation, whichever is latest. A suspended account's sessions end at once and it cannot sign
 * in until the IT centre lifts the suspension. A province without the rule suspends nobody.
 */
@Injectable()
export class InactiveAccounts implements OnApplicationBootstrap {
  private readonly logger = new Logger(InactiveAccounts.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly policies: AccountPolicyProvider,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly provinces: ProvinceJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.declare(SuspendInactiveAccounts, 'accounts-suspend-inactive', SUSPEND_AT);
  }

  @HandlesJob(SuspendInactiveAccounts)
  async run(_data: unknown, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = await this.provinces.provinceOf(job);
    if (!tenant) return 'no-tenant';
    const suspended = await this.suspendInactive(tenant);
    if (suspended.length) this.logger.log({ tenant: tenant.code, suspended }, 'Accounts suspended for disuse');
    return `${suspended.length} suspended`;
  }

  /** Suspends who is due at `now`; returns their usernames. Running it twice suspends nobody twice. */
  async suspendInactive(tenant: { id: string; timezone: string }, now: Date = new Date()): Promise<string[]> {
    const days = (await this.policies.forScope({ tenantId: tenant.id, timezone: tenant.timezone })).suspendAfterInactiveDays;
    if (!days) return [];
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    return this.db.transaction(tenant.id, async (m) => {
      // Locked, so a sign-in committing meanwhile is seen: the row is re-read and no longer matches.
      const due: Candidate[] = await m.query(
        `SELECT u.id, u.username, greatest(u.created_at, u.last_login_at, u.last_reinstated_at) AS last_active,
                EXISTS (SELECT 1 FROM accounts_membership ms WHERE ms.user_id = u.id AND ms.role = 'tenant_admin') AS admin
           FROM accounts_user u
          WHERE u.tenant_id = $1 AND u.status = 'active' AND greatest(u.created_at, u.last_login_at, u.last_reinstated_at) < $2
          ORDER BY last_active DESC
          FOR UPDATE OF u`,
        [tenant.id, cutoff],
      );
      const spared = await this.lastAdminAmong(m, tenant.id, due);
      const suspended: string[] = [];
      for (const user of due.filter((u) => u.id !== spared)) {
        await m.getRepository(User).update({ id: user.id }, { status: 'suspended', suspendedAt: now });
        await this.sessions.revokeAllOf(m, user.id, 'account suspended for inactivity');
        await this.audit.record(m, {
          tenantId: tenant.id,
          action: 'accounts.user_suspended',
          subjectType: 'user',
          subjectId: user.id,
          details: { username: user.username, inactiveDays: days, lastActiveAt: new Date(user.last_active).toISOString() },
          actor: { id: null, label: 'platform' },
        });
        suspended.push(user.username);
      }
      return suspended;
    });
  }

  /**
   * When every active IT-centre account of the province is due, the one used most recently stays:
   * a province must keep someone who can lift the others' suspensions (as it keeps its last admin
   * when roles change). Its id, or null when another admin stays active anyway.
   */
  private async lastAdminAmong(m: EntityManager, tenantId: string, due: Candidate[]): Promise<string | null> {
    const dueAdmins = due.filter((u) => u.admin);
    if (dueAdmins.length === 0) return null;
    const [{ n }] = await m.query(
      `SELECT count(DISTINCT u.id)::int AS n FROM accounts_user u JOIN accounts_membership ms ON ms.user_id = u.id AND ms.role = 'tenant_admin'
        WHERE u.tenant_id = $1 AND u.status = 'active'`,
      [tenantId],
    );
    if (n > dueAdmins.length) return null;
    // `due` is ordered by last activity, newest first.
    this.logger.warn(
      { tenantId, kept: dueAdmins[0].username },
      'Every IT-centre account is unused past the limit; the most recently used one stays active',
    );
    return dueAdmins[0].id;
  }
}
