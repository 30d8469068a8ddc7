import { Injectable } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { DomainError } from '@cong/platform-errors';
import { passwordProblems } from '../passwords/password-policy.checker';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionService } from '../sessions/session.service';
import { User } from '../users/user.entity';
import { consumeUserToken } from '../users/user-tokens';
import { markExposed } from '../users/user-admin.service';
import { AccountPolicyProvider } from './account-policy.provider';
import { AccountScope } from './account-scope';
import { AuthErrors } from './auth.errors';
import { AuthScope } from './auth.service';
import { Principal } from './principal';

const tokenProblem = (outcome: 'expired' | 'invalid', what: string) =>
  outcome === 'expired'
    ? new DomainError('ACCOUNTS_TOKEN_EXPIRED', 'gone', `${what} đã hết hạn; hãy đề nghị Trung tâm CNTT cấp lại.`)
    : new DomainError('ACCOUNTS_TOKEN_INVALID', 'bad_request', `${what} không hợp lệ hoặc đã được dùng.`, [
        { field: 'token', message: 'Mã không đúng hoặc đã được dùng.' },
      ]);

/**
 * Setting a password with a one-time token (activating an invitation, a reset after a leak) and
 * reporting one's own password as leaked (NA-9). A refused password leaves the token unused.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly scope: AccountScope,
    private readonly policies: AccountPolicyProvider,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  activate(scope: AuthScope & { tenantId: string }, token: string, password: string): Promise<void> {
    return this.setWithToken(scope, token, password, 'activation');
  }

  resetPassword(scope: AuthScope & { tenantId: string }, token: string, password: string): Promise<void> {
    return this.setWithToken(scope, token, password, 'password_reset');
  }

  /** NA-9, by the user: all sessions end at once, this one included. */
  async reportOwnExposed(principal: Principal): Promise<void> {
    await this.scope.run(
      principal.tenantId,
      'national operator reports own password exposed',
      async (m) =>
        markExposed(m, this.sessions, this.audit, await m.getRepository(User).findOneByOrFail({ id: principal.userId }), {
          id: principal.userId,
          label: principal.username,
        }),
      { id: principal.userId, label: principal.username },
    );
  }

  private async setWithToken(
    scope: AuthScope & { tenantId: string },
    token: string,
    password: string,
    purpose: 'activation' | 'password_reset',
  ): Promise<void> {
    const policy = await this.policies.forScope(scope);
    const what = purpose === 'activation' ? 'Mã kích hoạt' : 'Mã đặt lại mật khẩu';
    const outcome = await this.scope.run(scope.tenantId, 'unused', async (m) => {
      const consumed = await consumeUserToken(m, token, purpose);
      if (consumed.outcome !== 'ok') return consumed.outcome;
      const user = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: consumed.userId })
        .getOneOrFail();
      if (purpose === 'activation' && user.status !== 'invited') return 'invalid';
      if (purpose === 'password_reset' && user.status !== 'active') return 'invalid';
      const problems = passwordProblems(password, policy.password, { username: user.username, displayName: user.displayName });
      if (user.passwordHash && (await this.hasher.verify(user.passwordHash, password)))
        problems.push('Mật khẩu mới phải khác mật khẩu cũ.');
      // Thrown, not returned: the transaction rolls back and the token stays usable.
      if (problems.length > 0) throw AuthErrors.weakPassword(problems, 'password');
      await m.getRepository(User).update(
        { id: user.id },
        {
          passwordHash: await this.hasher.hash(password),
          passwordChangedAt: new Date(),
          passwordExposedAt: null,
          mustChangePassword: false,
          status: 'active',
        },
      );
      await this.sessions.revokeAllOf(m, user.id, purpose === 'activation' ? 'account activated' : 'password reset');
      await this.audit.record(m, {
        tenantId: scope.tenantId,
        action: purpose === 'activation' ? 'accounts.user_activated' : 'auth.password_changed',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username, via: purpose },
        actor: { id: user.id, label: user.username },
      });
      return 'ok' as const;
    });
    if (outcome !== 'ok') throw tokenProblem(outcome, what);
  }
}
