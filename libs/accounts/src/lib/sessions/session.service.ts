import { Injectable } from '@nestjs/common';
import { SessionPolicy } from '@cong/rules';
import { randomUUID } from 'node:crypto';
import { newSecret, parseIdToken, secretHash, secretMatches } from '../auth/opaque-token';
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
  /** When the session ends at the latest (its absolute lifetime), however much it is used. */
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/**
 * A refresh: the next token; a replaced token presented again (the family is revoked); a session
 * past its absolute or idle lifetime (it ends); or nothing usable.
 */
export type Rotation =
  | { outcome: 'rotated'; record: SessionRecord; refreshToken: string }
  | { outcome: 'reused'; userId: string; familyId: string }
  | { outcome: 'ended'; ended: 'absolute' | 'idle'; userId: string; familyId: string }
  | { outcome: 'invalid' };

/**
 * Refresh tokens (`<row id>.<secret>`, the secret stored only as SHA-256) with rotation and reuse
 * detection. A session lasts `absoluteHours` from its sign-in (every token of it expires then) and
 * ends when not refreshed for `idleMinutes`. All methods run inside the caller's transaction, in
 * the account's scope.
 */
@Injectable()
export class SessionService {
  /** Starts a sign-in: a new family with its first token. */
  async start(m: EntityManager, user: { id: string; tenantId: string | null }, policy: SessionPolicy, client: ClientInfo) {
    return this.issue(m, user, randomUUID(), new Date(Date.now() + policy.absoluteHours * 3_600_000), client);
  }

  /**
   * Exchanges a refresh token for the next one. A token presented twice revokes its whole family
   * (the thief's copy and the owner's both stop working), and the caller must sign in again.
   */
  /**
   * `tenantId`: the scope the refresh was sent to (null: the national operators'). A token of
   * another scope is "invalid" before anything about it changes: no refusal may retire a token or
   * end a session.
   */
  async rotate(m: EntityManager, token: string, policy: SessionPolicy, client: ClientInfo, tenantId: string | null): Promise<Rotation> {
    const parsed = parseIdToken(token);
    if (!parsed) return { outcome: 'invalid' };
    const row = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .addSelect('s.refreshHash')
      .where('s.id = :id', { id: parsed.id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row || !secretMatches(row.refreshHash, parsed.secret)) return { outcome: 'invalid' };
    if (row.tenantId !== tenantId || row.revokedAt) return { outcome: 'invalid' };
    if (row.replacedAt) {
      await this.revokeFamily(m, row.familyId, 'refresh token reused');
      return { outcome: 'reused', userId: row.userId, familyId: row.familyId };
    }
    // The policy in force now decides: a province that shortens its sessions shortens the running ones.
    const now = Date.now();
    const endsAt = new Date(
      Math.min(row.expiresAt.getTime(), (await this.startOf(m, row.familyId)).getTime() + policy.absoluteHours * 3_600_000),
    );
    const ended = endsAt.getTime() <= now ? 'absolute' : row.createdAt.getTime() <= now - policy.idleMinutes * 60_000 ? 'idle' : null;
    if (ended) {
      await this.revokeFamily(m, row.familyId, ended === 'absolute' ? 'absolute lifetime reached' : 'idle lifetime reached');
      return { outcome: 'ended', ended, userId: row.userId, familyId: row.familyId };
    }
    await m.getRepository(SessionRecord).update({ id: row.id }, { replacedAt: new Date() });
    const next = await this.issue(m, { id: row.userId, tenantId: row.tenantId }, row.familyId, endsAt, client);
    return { outcome: 'rotated', ...next };
  }

  /** When the sign-in began: its family's first token. */
  private async startOf(m: EntityManager, familyId: string): Promise<Date> {
    const row = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .select('min(s.created_at)', 'startedAt')
      .where('s.family_id = :familyId', { familyId })
      .getRawOne<{ startedAt: Date }>();
    return new Date(row!.startedAt);
  }

  /** Ends a sign-in (logout, a user revoking one of their sessions). */
  async revokeFamily(m: EntityManager, familyId: string, reason: string): Promise<number> {
    const result = await m
      .getRepository(SessionRecord)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
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
      .where(
        's.family_id = :familyId AND s.user_id = :userId AND s.revoked_at IS NULL AND s.replaced_at IS NULL AND s.expires_at > now()',
        { familyId, userId },
      )
      .getCount();
    return count > 0;
  }

  async list(m: EntityManager, userId: string, currentFamilyId: string): Promise<SessionView[]> {
    const rows = await m
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId })
      .andWhere(
        's.family_id IN (SELECT family_id FROM accounts_session WHERE user_id = :userId AND revoked_at IS NULL AND replaced_at IS NULL AND expires_at > now())',
        { userId },
      )
      .orderBy('s.created_at', 'ASC')
      .getMany();
    const families = new Map<string, SessionRecord[]>();
    for (const r of rows) families.set(r.familyId, [...(families.get(r.familyId) ?? []), r]);
    return [...families.entries()]
      .map(([id, family]) => {
        const live = family[family.length - 1];
        return {
          id,
          startedAt: family[0].createdAt,
          lastUsedAt: live.createdAt,
          expiresAt: live.expiresAt,
          userAgent: live.userAgent,
          ip: live.ip,
          current: id === currentFamilyId,
        };
      })
      .sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime());
  }

  /** Revokes one of the user's sign-ins (by them, or by the IT centre); another user's session id is "not found". */
  async revokeOf(m: EntityManager, userId: string, familyId: string, reason = 'revoked by its user'): Promise<void> {
    const owned = await m.getRepository(SessionRecord).countBy({ userId, familyId, revokedAt: IsNull() });
    if (owned === 0) throw AuthErrors.sessionNotFound();
    await this.revokeFamily(m, familyId, reason);
  }

  /** A token of the family; it expires when the session does (`endsAt`, its absolute end). */
  private async issue(m: EntityManager, user: { id: string; tenantId: string | null }, familyId: string, endsAt: Date, client: ClientInfo) {
    const secret = newSecret();
    const repo = m.getRepository(SessionRecord);
    const record = await repo.save(
      repo.create({
        tenantId: user.tenantId,
        userId: user.id,
        familyId,
        refreshHash: secretHash(secret),
        expiresAt: endsAt,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        ip: client.ip?.slice(0, 64) ?? null,
      }),
    );
    return { record, refreshToken: `${record.id}.${secret}` };
  }
}
