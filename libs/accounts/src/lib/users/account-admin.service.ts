import { Injectable } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { OperatorAccessRequest, TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { randomBytes, randomInt } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuthErrors, TwoFactorErrors } from '../auth/auth.errors';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionRecord } from '../sessions/session.entity';
import { clearTwoFactor } from '../two-factor/two-factor.service';
import { checkedIdentity } from './account-identity';
import { Membership } from './membership.entity';
import { User } from './user.entity';

export interface NewAccount {
  username: string;
  displayName: string;
  email?: string;
}

export interface IssuedAccount {
  user: User;
  /** Shown once to whoever issued it; the user must replace it at first sign-in. */
  oneTimePassword: string;
}

/**
 * Accounts issued by the platform (LC-3.1b: by the IT centre; no self-sign-up): the first national
 * operator and each province's first tenant administrator, on the audited operator path.
 */
@Injectable()
export class AccountAdmin {
  constructor(
    private readonly db: TenantDatabase,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  createNationalOperator(input: NewAccount, access: OperatorAccessRequest): Promise<IssuedAccount> {
    return this.issue(null, input, access);
  }

  createTenantAdmin(tenantId: string, input: NewAccount, access: OperatorAccessRequest): Promise<IssuedAccount> {
    return this.issue(tenantId, input, { ...access, tenantId });
  }

  /**
   * A one-time password for an existing account (a national operator's, or a province's when no
   * admin there can help): the leaked or forgotten password stops working, every session ends, and
   * the new one must be changed at the next sign-in.
   */
  async resetToOneTimePassword(tenantId: string | null, username: string, access: OperatorAccessRequest): Promise<IssuedAccount> {
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(oneTimePassword);
    const user = await this.db.asOperator({ ...access, tenantId }, async (m) => {
      const found = await this.findByUsername(m, tenantId, username);
      await m
        .getRepository(User)
        .update(
          { id: found.id },
          { passwordHash, mustChangePassword: true, passwordExposedAt: null, status: found.status === 'invited' ? 'active' : found.status },
        );
      await m
        .createQueryBuilder()
        .update(SessionRecord)
        .set({ revokedAt: () => 'now()', revokedReason: 'password reset by an operator' })
        .where('user_id = :id AND revoked_at IS NULL', { id: found.id })
        .execute();
      await this.audit.record(m, {
        tenantId,
        action: 'auth.password_reset_issued',
        subjectType: 'user',
        subjectId: found.id,
        details: { username: found.username, via: 'cli one-time password' },
        actor: { id: access.actorId, label: access.actorLabel },
      });
      return found;
    });
    return { user, oneTimePassword };
  }

  /**
   * Removes two-step verification from an account whose authenticator is lost, where no IT centre
   * can (a national operator; a province's last admin): every session ends, and a role that requires
   * it enrols again at the next sign-in. Audited on the operator path.
   */
  async resetTwoFactor(tenantId: string | null, username: string, access: OperatorAccessRequest): Promise<User> {
    return this.db.asOperator({ ...access, tenantId }, async (m) => {
      const found = await this.findByUsername(m, tenantId, username);
      const pending = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.twoFactorPendingSecret')
        .where('u.id = :id', { id: found.id })
        .getOneOrFail();
      if (!found.twoFactorEnabledAt && !pending.twoFactorPendingSecret) throw TwoFactorErrors.notEnabled();
      await clearTwoFactor(m, found);
      await m
        .createQueryBuilder()
        .update(SessionRecord)
        .set({ revokedAt: () => 'now()', revokedReason: 'two-step verification reset by an operator' })
        .where('user_id = :id AND revoked_at IS NULL', { id: found.id })
        .execute();
      await this.audit.record(m, {
        tenantId,
        action: 'auth.two_factor_reset',
        subjectType: 'user',
        subjectId: found.id,
        details: { username: found.username, wasEnabled: !!found.twoFactorEnabledAt, via: 'cli' },
        actor: { id: access.actorId, label: access.actorLabel },
      });
      return found;
    });
  }

  private async findByUsername(m: EntityManager, tenantId: string | null, username: string): Promise<User> {
    const found = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where(tenantId ? 'u.tenant_id = :tenantId' : 'u.tenant_id IS NULL', { tenantId })
      .andWhere('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
    if (!found) throw new DomainError('ACCOUNTS_USER_NOT_FOUND', 'not_found', `Không có tài khoản "${username}".`);
    return found;
  }

  private async issue(tenantId: string | null, input: NewAccount, access: OperatorAccessRequest): Promise<IssuedAccount> {
    const { username, displayName } = checkedIdentity(input);
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(oneTimePassword);
    try {
      const user = await this.db.asOperator(access, async (m) => {
        const users = m.getRepository(User);
        const user = await users.save(
          users.create({
            tenantId,
            username,
            displayName,
            email: input.email ?? null,
            passwordHash,
            status: 'active',
            mustChangePassword: true,
          }),
        );
        const actor = { id: access.actorId, label: access.actorLabel };
        await this.audit.record(m, {
          tenantId,
          action: 'accounts.user_created',
          subjectType: 'user',
          subjectId: user.id,
          details: { username, nationalOperator: !tenantId },
          actor,
        });
        if (tenantId) {
          await m.getRepository(Membership).insert({ tenantId, userId: user.id, unitId: null, role: 'tenant_admin' });
          await this.audit.record(m, {
            tenantId,
            action: 'accounts.role_granted',
            subjectType: 'user',
            subjectId: user.id,
            details: { role: 'tenant_admin', unitId: null },
            actor,
          });
        }
        return user;
      });
      return { user, oneTimePassword };
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw AuthErrors.usernameTaken(username);
      throw error;
    }
  }
}

/** 20 characters from every class, unambiguous ones only; meets any policy a province can set. */
export function generateOneTimePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%*-_+='];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  for (const byte of randomBytes(16)) chars.push(all[byte % all.length]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
