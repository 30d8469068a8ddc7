import { isSecret, newSecret, secretHash } from '../auth/opaque-token';
import { EntityManager, IsNull } from 'typeorm';
import { UserToken, UserTokenPurpose } from './user-token.entity';

/** How long an invitation and a reset stay usable. */
export const TOKEN_LIFETIME_HOURS: Record<UserTokenPurpose, number> = { activation: 72, password_reset: 24 };

/** Issues a token for a user; earlier unused tokens of the same purpose stop working. */
export async function issueUserToken(
  m: EntityManager,
  tenantId: string,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  const repo = m.getRepository(UserToken);
  await repo.update({ userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  const token = newSecret();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_HOURS[purpose] * 3_600_000);
  await repo.insert({ tenantId, userId, purpose, tokenHash: secretHash(token), expiresAt });
  return { token, expiresAt };
}

export type ConsumedToken = { outcome: 'ok'; userId: string } | { outcome: 'expired' | 'invalid' };

/** Uses a token once. Unknown, used and wrong-purpose tokens are "invalid"; late ones "expired". */
export async function consumeUserToken(m: EntityManager, token: string, purpose: UserTokenPurpose): Promise<ConsumedToken> {
  if (!isSecret(token)) return { outcome: 'invalid' };
  const row = await m
    .getRepository(UserToken)
    .createQueryBuilder('t')
    .where('t.token_hash = :hash AND t.purpose = :purpose AND t.used_at IS NULL', { hash: secretHash(token), purpose })
    .setLock('pessimistic_write')
    .getOne();
  if (!row) return { outcome: 'invalid' };
  if (row.expiresAt.getTime() <= Date.now()) return { outcome: 'expired' };
  await m.getRepository(UserToken).update({ id: row.id }, { usedAt: new Date() });
  return { outcome: 'ok', userId: row.userId };
}
