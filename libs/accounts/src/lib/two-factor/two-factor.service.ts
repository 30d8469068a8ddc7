import { Injectable } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { FailureLocks } from '@cong/platform-throttling';
import { AccountPolicy } from '@cong/rules';
import { authenticator } from 'otplib';
import { randomInt } from 'node:crypto';
import { newSecret, parseIdToken, secretHash, secretMatches } from '../auth/opaque-token';
import { EntityManager, IsNull } from 'typeorm';
import { AccountPolicyProvider } from '../auth/account-policy.provider';
import { AccountScope } from '../auth/account-scope';
import { TwoFactorErrors } from '../auth/auth.errors';
import { actorOf, Principal } from '../auth/principal';
import { PasswordHasher } from '../passwords/password-hasher';
import { ClientInfo } from '../sessions/session.service';
import { Membership } from '../users/membership.entity';
import { User } from '../users/user.entity';
import { RecoveryCode } from './recovery-code.entity';
import { SignInChallenge } from './sign-in-challenge.entity';
import { TwoFactorSecrets } from './two-factor-secrets';

/** How long the code step of a sign-in may follow its password step. */
export const CHALLENGE_MINUTES = 5;
export const RECOVERY_CODE_COUNT = 10;
const STEP_SECONDS = 30;
/** One step either side: a phone clock a little off still works, a code from two minutes ago does not. */
const totp = authenticator.clone({ window: 1, step: STEP_SECONDS });
const TOTP_CODE = /^\d{6}$/;
/** Unambiguous lower-case letters and digits: read aloud or copied from paper without mistakes. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The password step of a sign-in failed or passed; the same key counts the code step's failures. */
export const signInLockKey = (user: { id: string }, client: ClientInfo): string => `sign-in:${user.id}:${client.ip ?? 'unknown'}`;

export type CodeKind = 'totp' | 'recovery_code';
export type OpenedChallenge = { outcome: 'ok'; challenge: SignInChallenge } | { outcome: 'expired' | 'invalid' };

/**
 * Two-step verification: enrolment (a pending secret, active only once a code from it is
 * confirmed; recovery codes shown once, kept as SHA-256), turning it off, the IT centre's reset,
 * and the pieces of a two-step sign-in that AuthService runs in its transaction.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly scope: AccountScope,
    private readonly policies: AccountPolicyProvider,
    private readonly hasher: PasswordHasher,
    private readonly secrets: TwoFactorSecrets,
    private readonly audit: AuditLog,
    private readonly locks: FailureLocks,
  ) {}

  /** A new secret to scan; any earlier unconfirmed one stops counting. Nothing changes at sign-in yet. */
  start(principal: Principal, issuer: string): Promise<{ secret: string; otpauthUri: string }> {
    return this.scope.run(
      principal.tenantId,
      'national operator starts two-step verification',
      async (m) => {
        const user = await m.getRepository(User).findOneByOrFail({ id: principal.userId });
        if (user.twoFactorEnabledAt) throw TwoFactorErrors.alreadyEnabled();
        const secret = totp.generateSecret(20);
        await m.getRepository(User).update({ id: user.id }, { twoFactorPendingSecret: this.secrets.seal(secret) });
        return { secret, otpauthUri: totp.keyuri(user.username, issuer, secret) };
      },
      actorOf(principal),
    );
  }

  /** A code from the pending secret turns verification on; the recovery codes are returned this once. */
  confirm(principal: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.scope.run(
      principal.tenantId,
      'national operator confirms two-step verification',
      async (m) => {
        const user = await m
          .getRepository(User)
          .createQueryBuilder('u')
          .addSelect('u.twoFactorPendingSecret')
          .where('u.id = :id', { id: principal.userId })
          .setLock('pessimistic_write')
          .getOneOrFail();
        if (user.twoFactorEnabledAt) throw TwoFactorErrors.alreadyEnabled();
        const secret = user.twoFactorPendingSecret ? this.secrets.open(user.twoFactorPendingSecret) : null;
        if (!secret) throw TwoFactorErrors.notStarted();
        const step = matchingStep(code, secret, null);
        if (step === null) throw TwoFactorErrors.wrongCode();
        await m.getRepository(User).update(
          { id: user.id },
          {
            twoFactorSecret: user.twoFactorPendingSecret,
            twoFactorPendingSecret: null,
            twoFactorEnabledAt: new Date(),
            twoFactorLastStep: step,
          },
        );
        const recoveryCodes = await this.replaceRecoveryCodes(m, user);
        await this.audit.record(m, {
          tenantId: user.tenantId,
          action: 'auth.two_factor_enabled',
          subjectType: 'user',
          subjectId: user.id,
          details: { recoveryCodes: recoveryCodes.length },
          actor: actorOf(principal),
        });
        return { recoveryCodes };
      },
      actorOf(principal),
    );
  }

  /**
   * Turns verification off with a current code or the password. Wrong proofs count towards the same
   * lockout as sign-in (a stolen session must not become a way to guess the password), and the
   * province's rule may forbid it for the caller's roles.
   */
  async disable(
    principal: Principal,
    scope: { tenantId: string | null; timezone: string },
    proof: { code?: string; password?: string },
    client: ClientInfo,
  ): Promise<void> {
    if (!proof.code && !proof.password) throw TwoFactorErrors.proofRequired();
    const policy = await this.policies.forScope(scope);
    const outcome = await this.scope.run(
      principal.tenantId,
      'national operator turns off two-step verification',
      async (m): Promise<Error | null> => {
        const user = await m
          .getRepository(User)
          .createQueryBuilder('u')
          .addSelect(['u.passwordHash', 'u.twoFactorSecret', 'u.twoFactorLastStep'])
          .where('u.id = :id', { id: principal.userId })
          .setLock('pessimistic_write')
          .getOneOrFail();
        if (!user.twoFactorEnabledAt) return TwoFactorErrors.notEnabled();
        const required = requiredRoles(policy, await rolesHeld(m, user));
        if (required.length > 0) return TwoFactorErrors.requiredByRole(required);
        const key = signInLockKey(user, client);
        const locked = (await this.locks.lockedFor(key)) > 0;
        const secret = user.twoFactorSecret ? this.secrets.open(user.twoFactorSecret) : null;
        const ok =
          !locked &&
          ((proof.code !== undefined && secret !== null && matchingStep(proof.code, secret, user.twoFactorLastStep) !== null) ||
            (proof.password !== undefined && (await this.hasher.verify(user.passwordHash, proof.password))));
        if (!ok) {
          await this.recordFailure(m, user, policy, client, 'disable', locked);
          return TwoFactorErrors.wrongProof();
        }
        await this.locks.succeed(key);
        await clearTwoFactor(m, user);
        await this.audit.record(m, {
          tenantId: user.tenantId,
          action: 'auth.two_factor_disabled',
          subjectType: 'user',
          subjectId: user.id,
          details: { via: proof.code ? 'code' : 'password' },
          actor: actorOf(principal),
        });
        return null;
      },
      actorOf(principal),
    );
    if (outcome) throw outcome;
  }

  /** Whether a sign-in of this account may only enrol: a role requires verification and it is not on. */
  async enrolmentRequired(m: EntityManager, user: User, policy: AccountPolicy): Promise<boolean> {
    if (user.twoFactorEnabledAt) return false;
    return requiredRoles(policy, await rolesHeld(m, user)).length > 0;
  }

  /** The password step passed for an enrolled account: a challenge for the code step. */
  async issueChallenge(m: EntityManager, user: User): Promise<{ challenge: string; expiresIn: number }> {
    const secret = newSecret();
    const repo = m.getRepository(SignInChallenge);
    const row = await repo.save(
      repo.create({
        tenantId: user.tenantId,
        userId: user.id,
        secretHash: secretHash(secret),
        expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
      }),
    );
    return { challenge: `${row.id}.${secret}`, expiresIn: CHALLENGE_MINUTES * 60 };
  }

  /**
   * The challenge of this scope's sign-in; another province's is not even visible here (row-level
   * security), so it is "invalid" like a forged one.
   */
  async openChallenge(m: EntityManager, token: string, tenantId: string | null): Promise<OpenedChallenge> {
    const parsed = parseIdToken(token);
    if (!parsed) return { outcome: 'invalid' };
    const row = await m
      .getRepository(SignInChallenge)
      .createQueryBuilder('c')
      .addSelect('c.secretHash')
      .where('c.id = :id', { id: parsed.id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row || row.tenantId !== tenantId || row.usedAt) return { outcome: 'invalid' };
    if (!secretMatches(row.secretHash, parsed.secret)) return { outcome: 'invalid' };
    if (row.expiresAt.getTime() <= Date.now()) return { outcome: 'expired' };
    return { outcome: 'ok', challenge: row };
  }

  async spendChallenge(m: EntityManager, challenge: SignInChallenge): Promise<void> {
    await m.getRepository(SignInChallenge).update({ id: challenge.id }, { usedAt: new Date() });
  }

  /**
   * A TOTP code (not one already used: its step must be later than the last accepted) or an unused
   * recovery code, which is spent. Returns what matched, or null.
   */
  async acceptCode(m: EntityManager, userId: string, code: string): Promise<CodeKind | null> {
    // Locked: two challenges answered at once with the same code see the step the first one stored.
    const user = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect(['u.twoFactorSecret', 'u.twoFactorLastStep'])
      .where('u.id = :id', { id: userId })
      .setLock('pessimistic_write')
      .getOneOrFail();
    const secret = user.twoFactorSecret ? this.secrets.open(user.twoFactorSecret) : null;
    if (!secret) return null;
    const compact = code.replace(/[\s-]/g, '');
    if (TOTP_CODE.test(compact)) {
      const step = matchingStep(compact, secret, user.twoFactorLastStep);
      if (step === null) return null;
      await m.getRepository(User).update({ id: user.id }, { twoFactorLastStep: step });
      return 'totp';
    }
    const spent = await m
      .createQueryBuilder()
      .update(RecoveryCode)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', { userId, hash: secretHash(compact.toLowerCase()) })
      .execute();
    return (spent.affected ?? 0) > 0 ? 'recovery_code' : null;
  }

  async recoveryCodesLeft(m: EntityManager, userId: string): Promise<number> {
    return m.getRepository(RecoveryCode).countBy({ userId, usedAt: IsNull() });
  }

  /**
   * A wrong code or proof: audited, and counted per account and address with the password's
   * failures — unless the address is locked already (as for passwords: not checked, not counted).
   */
  async recordFailure(
    m: EntityManager,
    user: User,
    policy: AccountPolicy,
    client: ClientInfo,
    during: 'sign-in' | 'disable',
    whileLocked: boolean,
  ): Promise<void> {
    await this.audit.record(m, {
      tenantId: user.tenantId,
      action: 'auth.two_factor_failed',
      subjectType: 'user',
      subjectId: user.id,
      details: { during, ...(whileLocked ? { reason: 'locked' } : {}) },
      actor: { id: user.id, label: user.username },
      ip: client.ip,
    });
    if (whileLocked) return;
    const locked = await this.locks.fail(signInLockKey(user, client), policy.lockout);
    if (!locked) return;
    await this.audit.record(m, {
      tenantId: user.tenantId,
      action: 'auth.locked',
      subjectType: 'user',
      subjectId: user.id,
      details: {
        minutes: locked.minutes,
        lockedUntil: new Date(Date.now() + locked.minutes * 60_000).toISOString(),
        lockouts: locked.lockouts,
        source: client.ip ?? null,
        during,
      },
      actor: { id: null, label: 'platform' },
      ip: client.ip,
    });
  }

  private async replaceRecoveryCodes(m: EntityManager, user: User): Promise<string[]> {
    await m.getRepository(RecoveryCode).delete({ userId: user.id });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode());
    await m
      .getRepository(RecoveryCode)
      .insert(codes.map((c) => ({ tenantId: user.tenantId, userId: user.id, codeHash: secretHash(c.replace('-', '')) })));
    return codes;
  }
}

/**
 * Removes a user's verification (turned off, the IT centre's reset, the CLI's): secrets, recovery
 * codes, and the challenges of password steps already passed.
 */
export async function clearTwoFactor(m: EntityManager, user: { id: string }): Promise<void> {
  await m
    .getRepository(User)
    .update({ id: user.id }, { twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorPendingSecret: null, twoFactorLastStep: null });
  await m.getRepository(RecoveryCode).delete({ userId: user.id });
  await m.getRepository(SignInChallenge).update({ userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
}

/** The time step a code belongs to (±1 around now), if it is later than `lastStep`. */
function matchingStep(code: string, secret: string, lastStep: number | null): number | null {
  const compact = code.replace(/\s/g, '');
  if (!TOTP_CODE.test(compact)) return null;
  const delta = totp.checkDelta(compact, secret);
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 1000 / STEP_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** 10 characters (about 50 bits) as `xxxxx-xxxxx`. */
function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** A national operator holds no membership: their role is the platform's. */
async function rolesHeld(m: EntityManager, user: User): Promise<string[]> {
  if (!user.tenantId) return ['national_operator'];
  return (await m.getRepository(Membership).findBy({ userId: user.id })).map((x) => x.role);
}

function requiredRoles(policy: AccountPolicy, roles: string[]): string[] {
  const required = policy.twoFactor?.requiredFor ?? [];
  return [...new Set(roles.filter((r) => (required as string[]).includes(r)))];
}
