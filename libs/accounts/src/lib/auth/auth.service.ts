import { Injectable } from '@nestjs/common';
import { FailureLocks } from '@cong/platform-throttling';
import { AuditLog } from '@cong/platform-audit';
import { AccountPolicy } from '@cong/rules';
import { EntityManager } from 'typeorm';
import { passwordProblems } from '../passwords/password-policy.checker';
import { PasswordHasher } from '../passwords/password-hasher';
import { SessionRecord } from '../sessions/session.entity';
import { ClientInfo, SessionService, SessionView } from '../sessions/session.service';
import { Membership } from '../users/membership.entity';
import { User } from '../users/user.entity';
import { CHALLENGE_MINUTES, CodeKind, signInLockKey, TwoFactorService } from '../two-factor/two-factor.service';
import { AccessTokenService, PLATFORM_AUDIENCE } from './access-token.service';
import { AccountPolicyProvider } from './account-policy.provider';
import { AccountScope } from './account-scope';
import { AuthErrors, TwoFactorErrors } from './auth.errors';
import { actorOf, Principal } from './principal';

/** The province a request is for (null: the national operators' platform scope). */
export interface AuthScope {
  tenantId: string | null;
  timezone: string;
}

/** National operators belong to no province; their days are counted in Vietnam's time. */
export const PLATFORM_SCOPE: AuthScope = { tenantId: null, timezone: 'Asia/Ho_Chi_Minh' };

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  mustChangePassword: boolean;
  /** A role requires two-step verification and it is not on: only enrolling works until it is. */
  twoFactorEnrolmentRequired: boolean;
}

/** The password step passed for an account with two-step verification: no tokens yet. */
export interface IssuedChallenge {
  twoFactorRequired: true;
  challenge: string;
  expiresIn: number;
}

/** What the password step gives: tokens, or a challenge to answer with a code. */
export type SignInResult =
  { user: User; tokens: IssuedTokens; challenge?: undefined } | { user: User; challenge: IssuedChallenge; tokens?: undefined };

type Attempt = ({ ok: true } & SignInResult) | { ok: false; error: Error };

/**
 * Sign-in with lockout, token refresh with rotation, sign-out, password change. Failures that must
 * be remembered (a failed attempt, a lock, a reused token's revocation) are committed before the
 * error is thrown, never rolled back with it.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly scope: AccountScope,
    private readonly policies: AccountPolicyProvider,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditLog,
    private readonly locks: FailureLocks,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async signIn(scope: AuthScope, username: string, password: string, client: ClientInfo): Promise<SignInResult> {
    const policy = await this.policies.forScope(scope);
    const attempt = await this.scope.run<Attempt>(scope.tenantId, 'national operator sign-in', async (m) => {
      const user = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where(scope.tenantId ? 'u.tenant_id = :tenantId' : 'u.tenant_id IS NULL', { tenantId: scope.tenantId })
        .andWhere('u.username = :username', { username: username.trim().toLowerCase() })
        .setLock('pessimistic_write')
        .getOne();
      const passwordOk = await this.hasher.verify(user?.passwordHash, password);
      const failed = async (reason: string, error: Error): Promise<Attempt> => {
        await this.audit.record(m, {
          tenantId: scope.tenantId,
          action: 'auth.sign_in_failed',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          details: { username: username.trim().toLowerCase().slice(0, 64), reason },
          actor: { id: user?.id ?? null, label: username.trim().toLowerCase().slice(0, 64) || 'anonymous' },
          ip: client.ip,
        });
        return { ok: false, error };
      };
      if (!user) return failed('unknown user', AuthErrors.signInFailed());
      // Locked for this source only: failing on purpose from elsewhere cannot lock the owner out.
      const source = signInLockKey(user, client);
      if ((await this.locks.lockedFor(source)) > 0) return failed('locked', AuthErrors.signInFailed());
      if (!passwordOk) {
        await this.recordFailure(m, user, policy, client);
        return failed('wrong password', AuthErrors.signInFailed());
      }
      if (user.status === 'disabled') return failed('disabled', AuthErrors.accountDisabled());
      if (user.status === 'suspended')
        return failed('suspended for inactivity', AuthErrors.accountSuspended(policy.suspendAfterInactiveDays));
      if (user.status === 'invited') return failed('not activated', AuthErrors.notActivated());
      if (user.passwordExposedAt) return failed('password reported exposed', AuthErrors.passwordExposed());
      // The failures are not forgotten yet: a known password must not buy fresh guesses at the code.
      if (user.twoFactorEnabledAt)
        return { ok: true, user, challenge: { twoFactorRequired: true, ...(await this.twoFactor.issueChallenge(m, user)) } };
      return { ok: true, user, tokens: await this.startSession(m, user, policy, client, null) };
    });
    if (!attempt.ok) throw attempt.error;
    return attempt.tokens ? { user: attempt.user, tokens: attempt.tokens } : { user: attempt.user, challenge: attempt.challenge! };
  }

  /**
   * The code step: the challenge of this scope's password step, once, within its lifetime, with a
   * TOTP code or an unused recovery code. Wrong codes count towards the account's lockout from this
   * address, like wrong passwords, and are audited; the challenge stays usable until it expires.
   */
  async completeSignIn(scope: AuthScope, challengeToken: string, code: string, client: ClientInfo): Promise<IssuedTokens> {
    const policy = await this.policies.forScope(scope);
    const outcome = await this.scope.run(
      scope.tenantId,
      'national operator two-step sign-in',
      async (m): Promise<{ tokens: IssuedTokens } | { error: Error }> => {
        const opened = await this.twoFactor.openChallenge(m, challengeToken, scope.tenantId);
        if (opened.outcome !== 'ok')
          return {
            error: opened.outcome === 'expired' ? TwoFactorErrors.challengeExpired(CHALLENGE_MINUTES) : TwoFactorErrors.challengeInvalid(),
          };
        const user = await m.getRepository(User).findOneByOrFail({ id: opened.challenge.userId });
        // Deactivated, suspended or reported leaked since the password step: as at the password step.
        if (user.status !== 'active' || user.passwordExposedAt || !user.twoFactorEnabledAt) {
          await this.twoFactor.spendChallenge(m, opened.challenge);
          return { error: TwoFactorErrors.challengeInvalid() };
        }
        const locked = (await this.locks.lockedFor(signInLockKey(user, client))) > 0;
        const kind = locked ? null : await this.twoFactor.acceptCode(m, user.id, code);
        if (!kind) {
          await this.twoFactor.recordFailure(m, user, policy, client, 'sign-in', locked);
          return { error: TwoFactorErrors.codeRefused() };
        }
        await this.twoFactor.spendChallenge(m, opened.challenge);
        return { tokens: await this.startSession(m, user, policy, client, kind) };
      },
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  /** Both steps passed (or the only one): the failures are forgotten and a session begins. */
  private async startSession(
    m: EntityManager,
    user: User,
    policy: AccountPolicy,
    client: ClientInfo,
    secondFactor: CodeKind | null,
  ): Promise<IssuedTokens> {
    await m.getRepository(User).update({ id: user.id }, { lastLoginAt: new Date() });
    await this.locks.succeed(signInLockKey(user, client));
    const { record, refreshToken } = await this.sessions.start(m, user, policy.sessions, client);
    const details: Record<string, unknown> = { session: record.familyId, ...(secondFactor ? { twoFactor: secondFactor } : {}) };
    if (secondFactor === 'recovery_code') details.recoveryCodesLeft = await this.twoFactor.recoveryCodesLeft(m, user.id);
    await this.audit.record(m, {
      tenantId: user.tenantId,
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: user.id,
      details,
      actor: { id: user.id, label: user.username },
      ip: client.ip,
    });
    return this.tokensFor(user, record, refreshToken, policy, await this.twoFactor.enrolmentRequired(m, user, policy));
  }

  async refresh(scope: AuthScope, refreshToken: string, client: ClientInfo): Promise<IssuedTokens> {
    const policy = await this.policies.forScope(scope);
    const result = await this.scope.run(scope.tenantId, 'national operator token refresh', async (m) => {
      const rotated = await this.sessions.rotate(m, refreshToken, policy.sessions, client, scope.tenantId);
      if (rotated.outcome === 'reused') {
        await this.audit.record(m, {
          tenantId: scope.tenantId,
          action: 'auth.refresh_reused',
          subjectType: 'user',
          subjectId: rotated.userId,
          details: { session: rotated.familyId },
          actor: { id: null, label: 'anonymous' },
          ip: client.ip,
        });
        return { error: AuthErrors.refreshReused() };
      }
      if (rotated.outcome === 'ended') {
        // Past its absolute or idle lifetime: the session has just been revoked; that is kept, and said.
        await this.audit.record(m, {
          tenantId: scope.tenantId,
          action: 'auth.session_expired',
          subjectType: 'user',
          subjectId: rotated.userId,
          details: { session: rotated.familyId, lifetime: rotated.ended },
          actor: { id: null, label: 'platform' },
          ip: client.ip,
        });
        const sessions = policy.sessions;
        return {
          error:
            rotated.ended === 'absolute' ? AuthErrors.sessionExpired(sessions.absoluteHours) : AuthErrors.sessionIdle(sessions.idleMinutes),
        };
      }
      if (rotated.outcome !== 'rotated') return { error: AuthErrors.refreshInvalid() };
      const user = await m.getRepository(User).findOneByOrFail({ id: rotated.record.userId });
      if (user.status !== 'active' || user.passwordExposedAt) {
        await this.sessions.revokeFamily(m, rotated.record.familyId, 'account no longer usable');
        return { error: AuthErrors.sessionEnded() };
      }
      return {
        tokens: this.tokensFor(user, rotated.record, rotated.refreshToken, policy, await this.twoFactor.enrolmentRequired(m, user, policy)),
      };
    });
    // A missing scope (wrong province) finds no row: the same "invalid" as a forged token.
    if ('error' in result) throw result.error;
    return result.tokens;
  }

  async signOut(principal: Principal): Promise<void> {
    await this.scope.run(
      principal.tenantId,
      'national operator sign-out',
      async (m) => {
        await this.sessions.revokeFamily(m, principal.sessionId, 'signed out');
        await this.audit.record(m, {
          tenantId: principal.tenantId,
          action: 'auth.sign_out',
          subjectType: 'user',
          subjectId: principal.userId,
          details: { session: principal.sessionId },
          actor: actorOf(principal),
        });
      },
      actorOf(principal),
    );
  }

  listSessions(principal: Principal): Promise<SessionView[]> {
    return this.scope.run(
      principal.tenantId,
      'national operator lists own sessions',
      (m) => this.sessions.list(m, principal.userId, principal.sessionId),
      actorOf(principal),
    );
  }

  revokeSession(principal: Principal, sessionId: string): Promise<void> {
    return this.scope.run(
      principal.tenantId,
      'national operator revokes own session',
      async (m) => {
        await this.sessions.revokeOf(m, principal.userId, sessionId);
        await this.audit.record(m, {
          tenantId: principal.tenantId,
          action: 'auth.session_revoked',
          subjectType: 'user',
          subjectId: principal.userId,
          details: { session: sessionId },
          actor: actorOf(principal),
        });
      },
      actorOf(principal),
    );
  }

  /** Changes one's own password; other sign-ins end, this one continues with fresh tokens. */
  async changePassword(principal: Principal, scope: AuthScope, currentPassword: string, newPassword: string): Promise<void> {
    const policy = await this.policies.forScope(scope);
    const outcome = await this.scope.run(
      principal.tenantId,
      'national operator changes own password',
      async (m): Promise<Error | null> => {
        const user = await m
          .getRepository(User)
          .createQueryBuilder('u')
          .addSelect('u.passwordHash')
          .where('u.id = :id', { id: principal.userId })
          .getOneOrFail();
        if (!(await this.hasher.verify(user.passwordHash, currentPassword))) return AuthErrors.wrongCurrentPassword();
        const problems = passwordProblems(newPassword, policy.password, { username: user.username, displayName: user.displayName });
        if (await this.hasher.verify(user.passwordHash, newPassword)) problems.push('Mật khẩu mới phải khác mật khẩu cũ.');
        if (problems.length > 0) return AuthErrors.weakPassword(problems);
        await m.getRepository(User).update(
          { id: user.id },
          {
            passwordHash: await this.hasher.hash(newPassword),
            passwordChangedAt: new Date(),
            mustChangePassword: false,
            passwordExposedAt: null,
          },
        );
        await this.sessions.revokeAllOf(m, user.id, 'password changed', principal.sessionId);
        await this.audit.record(m, {
          tenantId: principal.tenantId,
          action: 'auth.password_changed',
          subjectType: 'user',
          subjectId: user.id,
          actor: actorOf(principal),
        });
        return null;
      },
      actorOf(principal),
    );
    if (outcome) throw outcome;
  }

  private async recordFailure(m: EntityManager, user: User, policy: AccountPolicy, client: ClientInfo): Promise<void> {
    const locked = await this.locks.fail(signInLockKey(user, client), policy.lockout);
    if (!locked) return;
    const lockedUntil = new Date(Date.now() + locked.minutes * 60_000);
    await this.audit.record(m, {
      tenantId: user.tenantId,
      action: 'auth.locked',
      subjectType: 'user',
      subjectId: user.id,
      details: { minutes: locked.minutes, lockedUntil: lockedUntil.toISOString(), lockouts: locked.lockouts, source: client.ip ?? null },
      actor: { id: null, label: 'platform' },
      ip: client.ip,
    });
  }

  /** Tokens for a session's latest refresh token; the access token never outlives the session. */
  private tokensFor(
    user: User,
    session: SessionRecord,
    refreshToken: string,
    policy: AccountPolicy,
    enrolmentRequired: boolean,
  ): IssuedTokens {
    const left = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    const seconds = Math.max(1, Math.min(policy.sessions.accessTokenMinutes * 60, left));
    return {
      accessToken: this.tokens.sign(
        {
          sub: user.id,
          sid: session.familyId,
          aud: user.tenantId ?? PLATFORM_AUDIENCE,
          pwc: user.mustChangePassword,
          tfe: enrolmentRequired,
        },
        seconds,
      ),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: seconds,
      mustChangePassword: user.mustChangePassword,
      twoFactorEnrolmentRequired: enrolmentRequired,
    };
  }
}

/** Loads what a request needs to know about its caller, inside the account's scope. */
export async function loadPrincipal(
  m: EntityManager,
  userId: string,
  sessionId: string,
  enrolmentRequired = false,
): Promise<Principal | null> {
  const user = await m.getRepository(User).findOneBy({ id: userId });
  if (!user || user.status !== 'active' || user.passwordExposedAt) return null;
  const memberships = user.tenantId ? await m.getRepository(Membership).find({ where: { userId: user.id } }) : [];
  return {
    userId: user.id,
    tenantId: user.tenantId,
    username: user.username,
    displayName: user.displayName,
    sessionId,
    memberships: memberships.map((x) => ({ role: x.role, unitId: x.unitId })),
    mustChangePassword: user.mustChangePassword,
    // Marked in the token when it was issued; lifted as soon as the account enrols.
    twoFactorEnrolmentRequired: enrolmentRequired && !user.twoFactorEnabledAt,
    twoFactorEnabled: !!user.twoFactorEnabledAt,
  };
}
