import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { Unit } from '@cong/units';
import { EntityManager, In, QueryFailedError } from 'typeorm';
import { AuthErrors, TwoFactorErrors } from '../auth/auth.errors';
import { actorOf, Principal } from '../auth/principal';
import { SessionService, SessionView } from '../sessions/session.service';
import { clearTwoFactor } from '../two-factor/two-factor.service';
import { Membership, TenantRole, UNIT_ROLES } from './membership.entity';
import { User, UserStatus } from './user.entity';
import { checkedIdentity } from './account-identity';
import { LinkContext, TokenMail } from './token-mail';
import { UserTokenPurpose } from './user-token.entity';
import { issueUserToken } from './user-tokens';

export interface RoleGrant {
  role: TenantRole;
  /** Code of the unit, for unit roles (unit_head, unit_editor). */
  unit?: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  status: string;
  passwordExposed: boolean;
  lastLoginAt: Date | null;
  suspendedAt: Date | null;
  twoFactorEnabled: boolean;
  roles: { role: TenantRole; unit: string | null }[];
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  /** The address the link was e-mailed to; null when it was not (no SMTP, no address, or sending failed). */
  emailedTo: string | null;
}

export const UserAdminErrors = {
  notFound: () => new DomainError('ACCOUNTS_USER_NOT_FOUND', 'not_found', 'Không tìm thấy tài khoản.'),
  unknownUnit: (code: string, i: number) =>
    new DomainError('ACCOUNTS_UNKNOWN_UNIT', 'validation', `Không có đơn vị mang mã "${code}".`, [
      { field: `roles[${i}].unit`, message: `"${code}" không phải là đơn vị đang hoạt động của tỉnh này.` },
    ]),
  unitRequired: (role: string, i: number) =>
    new DomainError('ACCOUNTS_UNIT_REQUIRED', 'validation', `Vai trò ${role} phải gắn với một đơn vị.`, [
      { field: `roles[${i}].unit`, message: `Vai trò ${role} gắn với một đơn vị: hãy ghi mã đơn vị.` },
    ]),
  unitNotAllowed: (role: string, i: number) =>
    new DomainError('ACCOUNTS_UNIT_NOT_ALLOWED', 'validation', `Vai trò ${role} áp dụng cho toàn tỉnh, không gắn với đơn vị.`, [
      { field: `roles[${i}].unit`, message: `Vai trò ${role} áp dụng cho toàn tỉnh: bỏ trống \`unit\`.` },
    ]),
  lastAdmin: () =>
    new DomainError('ACCOUNTS_LAST_ADMIN', 'conflict', 'Không thể bỏ quyền hoặc vô hiệu hóa quản trị viên cuối cùng của tỉnh.'),
  notYourself: () => new DomainError('ACCOUNTS_NOT_YOURSELF', 'conflict', 'Không thể tự vô hiệu hóa tài khoản của chính mình.'),
  notInvited: () => new DomainError('ACCOUNTS_NOT_INVITED', 'conflict', 'Tài khoản này đã được kích hoạt.'),
  ownTwoFactor: () =>
    new DomainError(
      'ACCOUNTS_OWN_TWO_FACTOR_RESET',
      'conflict',
      'Không thể tự gỡ xác thực hai bước của chính mình tại đây: hãy tắt bằng mã xác thực hoặc mật khẩu (…/auth/two-factor/disable), hoặc nhờ một quản trị viên khác.',
    ),
  notSuspended: () => new DomainError('ACCOUNTS_NOT_SUSPENDED', 'conflict', 'Tài khoản này không bị tạm ngưng; không có gì để mở lại.'),
};

/**
 * What a province's IT centre (tenant_admin) does with its accounts: invite (no self-sign-up),
 * grant and revoke roles, deactivate, and handle a leaked password (NA-9). Every change is audited
 * in the same transaction.
 */
@Injectable()
export class UserAdmin {
  constructor(
    private readonly db: TenantDatabase,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly mail: TokenMail,
  ) {}

  /**
   * The province's accounts, by username; `q` matches words of the username, name or e-mail with
   * accents and case ignored ("nguyen van" finds "Nguyễn Văn An"). Three statements whatever the
   * number of accounts: the accounts, their roles, the units those name.
   */
  list(tenantId: string, filter: { status?: UserStatus; q?: string } = {}): Promise<UserView[]> {
    return this.db.transaction(tenantId, async (m) => {
      const query = m.getRepository(User).createQueryBuilder('u').where('u.tenant_id = :tenantId', { tenantId });
      if (filter.status) query.andWhere('u.status = :status', { status: filter.status });
      if (filter.q)
        query.andWhere(`strpos(cong_fold(u.username || ' ' || u.display_name || ' ' || coalesce(u.email, '')), cong_fold(:q)) > 0`, {
          q: filter.q.trim(),
        });
      const users = await query.orderBy('u.username', 'ASC').getMany();
      if (users.length === 0) return [];
      const memberships = await m.getRepository(Membership).find({ where: { userId: In(users.map((u) => u.id)) }, order: { role: 'ASC' } });
      const codeOf = await this.unitCodes(m, memberships);
      return users.map((u) =>
        viewOf(
          u,
          memberships.filter((x) => x.userId === u.id),
          codeOf,
        ),
      );
    });
  }

  get(tenantId: string, userId: string): Promise<UserView> {
    return this.db.transaction(tenantId, async (m) => this.view(m, await this.userOrFail(m, tenantId, userId)));
  }

  async invite(
    actor: Principal,
    tenantId: string,
    input: { username: string; displayName: string; email?: string; roles: RoleGrant[] },
    link?: LinkContext,
  ): Promise<{ user: UserView; invitation: IssuedToken }> {
    const { username, displayName } = checkedIdentity(input);
    let invited: { user: UserView; invitation: Omit<IssuedToken, 'emailedTo'> };
    try {
      invited = await this.db.transaction(tenantId, async (m) => {
        const grants = await this.resolveGrants(m, tenantId, input.roles);
        const users = m.getRepository(User);
        const user = await users.save(
          users.create({ tenantId, username, displayName, email: input.email ?? null, status: 'invited', passwordHash: null }),
        );
        await this.audit.record(m, {
          tenantId,
          action: 'accounts.user_invited',
          subjectType: 'user',
          subjectId: user.id,
          details: { username },
          actor: actorOf(actor),
        });
        await this.replaceRoles(m, actor, tenantId, user.id, grants);
        const invitation = await issueUserToken(m, tenantId, user.id, 'activation');
        return { user: await this.view(m, user), invitation };
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw AuthErrors.usernameTaken(username);
      throw error;
    }
    const emailedTo = await this.mailed('activation', invited.user, invited.invitation, link);
    return { user: invited.user, invitation: { ...invited.invitation, emailedTo } };
  }

  /** Once the token is committed: the link e-mailed where the console's address is known. */
  private async mailed(
    purpose: UserTokenPurpose,
    user: { username: string; displayName: string; email: string | null },
    issued: { token: string; expiresAt: Date },
    link: LinkContext | undefined,
  ): Promise<string | null> {
    return link ? this.mail.send(purpose, user, issued, link) : null;
  }

  /** A fresh invitation for a user who has not activated yet (the first expired or was lost). */
  async reinvite(actor: Principal, tenantId: string, userId: string, link?: LinkContext): Promise<IssuedToken> {
    const { user, issued } = await this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      if (user.status !== 'invited') throw UserAdminErrors.notInvited();
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.user_invited',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username, again: true },
        actor: actorOf(actor),
      });
      return { user, issued: await issueUserToken(m, tenantId, user.id, 'activation') };
    });
    return { ...issued, emailedTo: await this.mailed('activation', user, issued, link) };
  }

  setRoles(actor: Principal, tenantId: string, userId: string, roles: RoleGrant[]): Promise<UserView> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      const grants = await this.resolveGrants(m, tenantId, roles);
      await this.replaceRoles(m, actor, tenantId, user.id, grants);
      await this.requireAnAdmin(m, tenantId);
      return this.view(m, user);
    });
  }

  deactivate(actor: Principal, tenantId: string, userId: string): Promise<UserView> {
    return this.db.transaction(tenantId, async (m) => {
      if (userId === actor.userId) throw UserAdminErrors.notYourself();
      const user = await this.userOrFail(m, tenantId, userId);
      await m.getRepository(User).update({ id: user.id }, { status: 'disabled', suspendedAt: null });
      await this.sessions.revokeAllOf(m, user.id, 'account deactivated');
      await this.requireAnAdmin(m, tenantId);
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.user_deactivated',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username },
        actor: actorOf(actor),
      });
      return this.view(m, { ...user, status: 'disabled', suspendedAt: null });
    });
  }

  reactivate(actor: Principal, tenantId: string, userId: string): Promise<UserView> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      // Someone who never set a password goes back to "invited", not to an account nobody can use.
      const stored = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: user.id })
        .getOneOrFail();
      const status = stored.passwordHash ? 'active' : 'invited';
      // Reactivating restarts the inactivity clock, or the next daily run would suspend the account.
      await m.getRepository(User).update({ id: user.id }, { status, suspendedAt: null, lastReinstatedAt: new Date() });
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.user_reactivated',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username },
        actor: actorOf(actor),
      });
      return this.view(m, { ...user, status, suspendedAt: null });
    });
  }

  /** The IT centre lifts a suspension for disuse; the inactivity clock restarts now. */
  liftSuspension(actor: Principal, tenantId: string, userId: string): Promise<UserView> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      if (user.status !== 'suspended') throw UserAdminErrors.notSuspended();
      await m.getRepository(User).update({ id: user.id }, { status: 'active', suspendedAt: null, lastReinstatedAt: new Date() });
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.user_suspension_lifted',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username, suspendedAt: user.suspendedAt?.toISOString() ?? null },
        actor: actorOf(actor),
      });
      return this.view(m, { ...user, status: 'active', suspendedAt: null });
    });
  }

  /** NA-9, reported by the IT centre for a user: every session ends and sign-in is refused until a reset. */
  reportExposed(actor: Principal, tenantId: string, userId: string): Promise<void> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      await markExposed(m, this.sessions, this.audit, user, actorOf(actor));
    });
  }

  /** NA-9: a one-time reset for the user to choose a new password (the old one is refused). */
  async issueReset(actor: Principal, tenantId: string, userId: string, link?: LinkContext): Promise<IssuedToken> {
    const { user, issued } = await this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      if (user.status !== 'active')
        throw new DomainError('ACCOUNTS_NOT_ACTIVE', 'conflict', 'Chỉ cấp lại mật khẩu cho tài khoản đang hoạt động.');
      await this.sessions.revokeAllOf(m, user.id, 'password reset issued');
      await this.audit.record(m, {
        tenantId,
        action: 'auth.password_reset_issued',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username },
        actor: actorOf(actor),
      });
      return { user, issued: await issueUserToken(m, tenantId, user.id, 'password_reset') };
    });
    return { ...issued, emailedTo: await this.mailed('password_reset', user, issued, link) };
  }

  /**
   * The user lost their authenticator (and recovery codes): two-step verification is removed and
   * every session ends, since whoever holds the lost phone may be signed in. If a role requires it,
   * the next sign-in allows nothing but enrolling again.
   */
  resetTwoFactor(actor: Principal, tenantId: string, userId: string): Promise<void> {
    return this.db.transaction(tenantId, async (m) => {
      // Without proof, on one's own account, a stolen session could strip the second factor.
      if (userId === actor.userId) throw UserAdminErrors.ownTwoFactor();
      const user = await this.userOrFail(m, tenantId, userId);
      const pending = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.twoFactorPendingSecret')
        .where('u.id = :id', { id: user.id })
        .getOneOrFail();
      if (!user.twoFactorEnabledAt && !pending.twoFactorPendingSecret) throw TwoFactorErrors.notEnabled();
      await clearTwoFactor(m, user);
      await this.sessions.revokeAllOf(m, user.id, 'two-step verification reset');
      await this.audit.record(m, {
        tenantId,
        action: 'auth.two_factor_reset',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username, wasEnabled: !!user.twoFactorEnabledAt },
        actor: actorOf(actor),
      });
    });
  }

  private async userOrFail(m: EntityManager, tenantId: string, userId: string): Promise<User> {
    const user = isUUID(userId) ? await m.getRepository(User).findOneBy({ tenantId, id: userId }) : null;
    if (!user) throw UserAdminErrors.notFound();
    return user;
  }

  private async resolveGrants(
    m: EntityManager,
    tenantId: string,
    roles: RoleGrant[],
  ): Promise<{ role: TenantRole; unitId: string | null; unit: string | null }[]> {
    const codes = [...new Set(roles.map((r) => r.unit).filter((c): c is string => !!c))];
    const units = codes.length ? await m.getRepository(Unit).find({ where: { tenantId, code: In(codes), active: true } }) : [];
    const byCode = new Map(units.map((u) => [u.code, u.id]));
    const grants = roles.map((r, i) => {
      const unitRole = UNIT_ROLES.includes(r.role);
      if (unitRole && !r.unit) throw UserAdminErrors.unitRequired(r.role, i);
      if (!unitRole && r.unit) throw UserAdminErrors.unitNotAllowed(r.role, i);
      if (r.unit && !byCode.has(r.unit)) throw UserAdminErrors.unknownUnit(r.unit, i);
      return { role: r.role, unitId: r.unit ? byCode.get(r.unit)! : null, unit: r.unit ?? null };
    });
    const seen = new Set<string>();
    return grants.filter((g) => {
      const key = `${g.role}|${g.unitId}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }

  private async replaceRoles(
    m: EntityManager,
    actor: Principal,
    tenantId: string,
    userId: string,
    grants: { role: TenantRole; unitId: string | null; unit: string | null }[],
  ): Promise<void> {
    const repo = m.getRepository(Membership);
    const current = await repo.findBy({ tenantId, userId });
    const key = (x: { role: string; unitId: string | null }) => `${x.role}|${x.unitId}`;
    const wanted = new Set(grants.map(key));
    const held = new Set(current.map(key));
    for (const old of current.filter((c) => !wanted.has(key(c)))) {
      await repo.delete({ id: old.id });
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.role_revoked',
        subjectType: 'user',
        subjectId: userId,
        details: { role: old.role, unitId: old.unitId },
        actor: actorOf(actor),
      });
    }
    for (const g of grants.filter((x) => !held.has(key(x)))) {
      await repo.insert({ tenantId, userId, unitId: g.unitId, role: g.role });
      await this.audit.record(m, {
        tenantId,
        action: 'accounts.role_granted',
        subjectType: 'user',
        subjectId: userId,
        details: { role: g.role, unit: g.unit },
        actor: actorOf(actor),
      });
    }
  }

  /** A province always keeps at least one active tenant admin (someone must be able to fix things). */
  private async requireAnAdmin(m: EntityManager, tenantId: string): Promise<void> {
    const admins = await m
      .getRepository(Membership)
      .createQueryBuilder('ms')
      .innerJoin(User, 'u', 'u.id = ms.user_id')
      .where("ms.tenant_id = :tenantId AND ms.role = 'tenant_admin' AND u.status = 'active'", { tenantId })
      .getCount();
    if (admins === 0) throw UserAdminErrors.lastAdmin();
  }

  private async view(m: EntityManager, user: User): Promise<UserView> {
    const memberships = await m.getRepository(Membership).find({ where: { userId: user.id }, order: { role: 'ASC' } });
    return viewOf(user, memberships, await this.unitCodes(m, memberships));
  }

  private async unitCodes(m: EntityManager, memberships: Membership[]): Promise<Map<string, string>> {
    const unitIds = [...new Set(memberships.map((x) => x.unitId).filter((x): x is string => !!x))];
    const units = unitIds.length ? await m.getRepository(Unit).find({ where: { id: In(unitIds) } }) : [];
    return new Map(units.map((u) => [u.id, u.code]));
  }

  /** The live sign-ins of one of the province's accounts (the IT centre sees where it is signed in). */
  sessionsOf(tenantId: string, userId: string): Promise<SessionView[]> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      return this.sessions.list(m, user.id, '');
    });
  }

  /** Ends one sign-in of an account at once (a lost phone, a shared computer); recorded in the audit log. */
  endSession(actor: Principal, tenantId: string, userId: string, sessionId: string): Promise<void> {
    return this.db.transaction(tenantId, async (m) => {
      const user = await this.userOrFail(m, tenantId, userId);
      await this.sessions.revokeOf(m, user.id, sessionId, 'ended by the IT centre');
      await this.audit.record(m, {
        tenantId,
        action: 'auth.session_revoked',
        subjectType: 'user',
        subjectId: user.id,
        details: { session: sessionId, username: user.username },
        actor: actorOf(actor),
      });
    });
  }
}

function viewOf(user: User, memberships: Membership[], codeOf: Map<string, string>): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    status: user.status,
    passwordExposed: !!user.passwordExposedAt,
    lastLoginAt: user.lastLoginAt,
    suspendedAt: user.suspendedAt,
    twoFactorEnabled: !!user.twoFactorEnabledAt,
    roles: memberships.map((x) => ({ role: x.role, unit: x.unitId ? (codeOf.get(x.unitId) ?? null) : null })),
  };
}

/** NA-9: the password is treated as known to others: every session ends, sign-in waits for a reset. */
export async function markExposed(
  m: EntityManager,
  sessions: SessionService,
  audit: AuditLog,
  user: User,
  actor: { id: string | null; label: string },
): Promise<void> {
  await m.getRepository(User).update({ id: user.id }, { passwordExposedAt: new Date() });
  await sessions.revokeAllOf(m, user.id, 'password reported exposed');
  await audit.record(m, {
    tenantId: user.tenantId,
    action: 'auth.password_exposed',
    subjectType: 'user',
    subjectId: user.id,
    details: { username: user.username, reportedBy: actor.label },
    actor,
  });
}
