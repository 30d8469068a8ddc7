import { Injectable } from '@nestjs/common';
import { SessionPolicy } from '@cong/rules';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { AuthErrors } from '../auth/auth.errors';
import { SessionRecord } from './session.entity';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** What users see of their sign-ins. */
export interface SessionView {
  id: string;
  startedAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Refresh tokens (`<row id>.<secret>`, the secret stored only as SHA-256) with rotation and reuse
 * detection. All methods run inside the caller's transaction, in the account's scope.
 */
@Injectable()
export class SessionService {
  /** Starts a sign-in: a new family with its first token. */
  async start(m: EntityManager, user: { id: string; tenantId: string | null }, policy: SessionPolicy, client: ClientInfo) {
    return this.issue(m, user, randomUUID(), policy, client);
  }

  /**
   * Exchanges a refresh token for the next one. A token presented twice revokes its whole family
   * (the thief's copy and the owner's both stop working), and the caller must sign in again.
   */
  async rotate(
    m: EntityManager,
    token: string,
    policy: SessionPolicy,
    client: ClientInfo,
  ): Promise<{ outcome: 'rotated'; record: SessionRecord; refreshToken: string } | { outcome: 'reused'; userId: string; familyId: string } | { outcome: 'invalid' }> {
    const parsed = TOKEN.exec(token);
    if (!parsed) return { outcome: 'invalid' };
    const row = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .addSelect('s.refreshHash')
      .where('s.id = :id', { id: parsed[1] })
      .setLock('pessimistic_write')
      .getOne();
    if (!row || !timingSafeEqual(Buffer.from(row.refreshHash), Buffer.from(sha256(parsed[2])))) return { outcome: 'invalid' };
    if (row.revokedAt) return { outcome: 'invalid' };
    if (row.replacedAt) {
      await this.revokeFamily(m, row.familyId, 'refresh token reused');
      return { outcome: 'reused', userId: row.userId, familyId: row.familyId };
    }
    const idleSince = Date.now() - policy.idleMinutes * 60_000;
    if (row.expiresAt.getTime() <= Date.now() || row.createdAt.getTime() < idleSince) return { outcome: 'invalid' };
    await m.getRepository(SessionRecord).update({ id: row.id }, { replacedAt: new Date() });
    const next = await this.issue(m, { id: row.userId, tenantId: row.tenantId }, row.familyId, policy, client);
    return { outcome: 'rotated', ...next };
  }

  /** Ends a sign-in (logout, a user revoking one of their sessions). */
  async revokeFamily(m: EntityManager, familyId: string, reason: string): Promise<number> {
    const result = await m.getRepository(SessionRecord).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }

  /** Ends every sign-in of a user, optionally but one (NA-9: a leaked password; a password change). */
  async revokeAllOf(m: EntityManager, userId: string, reason: string, exceptFamilyId?: string): Promise<void> {
    const query = m
      .createQueryBuilder()
      .update(SessionRecord)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptFamilyId) query.andWhere('family_id <> :exceptFamilyId', { exceptFamilyId });
    await query.execute();
  }

  /** True when the sign-in still has a live token (not revoked, not expired). */
  async isLive(m: EntityManager, userId: string, familyId: string): Promise<boolean> {
    const count = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .where('s.family_id = :familyId AND s.user_id = :userId AND s.revoked_at IS NULL AND s.replaced_at IS NULL AND s.expires_at > now()', { familyId, userId })
      .getCount();
    return count > 0;
  }

  async list(m: EntityManager, userId: string, currentFamilyId: string): Promise<SessionView[]> {
    const rows = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere('s.family_id IN (SELECT family_id FROM accounts_session WHERE user_id = :userId AND revoked_at IS NULL AND replaced_at IS NULL AND expires_at > now())', { userId })
      .orderBy('s.created_at', 'ASC')
      .getMany();
    const families = new Map<string, SessionRecord[]>();
    for (const r of rows) families.set(r.familyId, [...(families.get(r.familyId) ?? []), r]);
    return [...families.entries()]
      .map(([id, family]) => {
        const live = family[family.length - 1];
        return { id, startedAt: family[0].createdAt, lastUsedAt: live.createdAt, expiresAt: live.expiresAt, userAgent: live.userAgent, ip: live.ip, current: id === currentFamilyId };
      })
      .sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime());
  }

  /** Revokes one of the user's own sign-ins; another user's session id is "not found". */
  async revokeOwn(m: EntityManager, userId: string, familyId: string): Promise<void> {
    const owned = await m.getRepository(SessionRecord).countBy({ userId, familyId, revokedAt: IsNull() });
    if (owned === 0) throw AuthErrors.sessionNotFound();
    await this.revokeFamily(m, familyId, 'revoked by its user');
  }

  private async issue(m: EntityManager, user: { id: string; tenantId: string | null }, familyId: string, policy: SessionPolicy, client: ClientInfo) {
    const secret = randomBytes(32).toString('base64url');
    const repo = m.getRepository(SessionRecord);
    const record = await repo.save(
      repo.create({
        tenantId: user.tenantId,
        userId: user.id,
        familyId,
        refreshHash: sha256(secret),
        expiresAt: new Date(Date.now() + policy.refreshTokenDays * 86_400_000),
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        ip: client.ip?.slice(0, 64) ?? null,
      }),
    );
    return { record, refreshToken: `${record.id}.${secret}` };
  }
}
