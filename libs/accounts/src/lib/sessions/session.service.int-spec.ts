import { TestContext } from '@cong/testing';
import { SessionPolicy } from '@cong/rules';
import { EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { SessionRecord } from './session.entity';
import { SessionService } from './session.service';

const policy = (changes: Partial<SessionPolicy> = {}): SessionPolicy =>
  Object.assign(new SessionPolicy(), { absoluteHours: 8, idleMinutes: 30 }, changes);
const client = { ip: '203.0.113.7', userAgent: 'jest' };

describe('SessionService: refresh tokens, rotation, reuse and lifetimes (NA-9)', () => {
  let ctx: TestContext;
  let tenantId: string;
  let otherTenantId: string;
  let user: { id: string; tenantId: string };
  const sessions = new SessionService();

  const inTenant = <T>(work: (m: EntityManager) => Promise<T>) => ctx.db.transaction(tenantId, work);
  const start = (p = policy()) => inTenant((m) => sessions.start(m, user, p, client));
  const rotate = (token: string, p = policy(), scope: string | null = tenantId) =>
    ctx.db.transaction(tenantId, (m) => sessions.rotate(m, token, p, client, scope));
  const rows = (familyId: string) =>
    inTenant((m) => m.getRepository(SessionRecord).find({ where: { familyId }, order: { createdAt: 'ASC' } }));
  /** Moves a session back in time, as the owner (what the app role may not do). */
  const age = (familyId: string, column: 'created_at' | 'expires_at', interval: string, onlyRow?: string) =>
    ctx.asOwner((c) =>
      c.query(`UPDATE accounts_session SET ${column} = ${column} - $2::interval WHERE family_id = $1 AND ($3::uuid IS NULL OR id = $3)`, [
        familyId,
        interval,
        onlyRow ?? null,
      ]),
    );

  beforeAll(async () => {
    ctx = await TestContext.create();
    tenantId = (await ctx.newTenant()).id;
    otherTenantId = (await ctx.newTenant()).id;
    user = await ctx.db.transaction(tenantId, async (m) => {
      const saved = await m
        .getRepository(User)
        .save(m.getRepository(User).create({ tenantId, username: 'phong.vien', displayName: 'Phóng viên', status: 'active' }));
      return { id: saved.id, tenantId };
    });
  });
  afterAll(() => ctx?.close());

  it('a sign-in starts a family whose token is `<row id>.<secret>`, stored only as its SHA-256, expiring at the absolute lifetime', async () => {
    const before = Date.now();
    const { record, refreshToken } = await start();
    const [id, secret] = refreshToken.split('.');
    expect(id).toBe(record.id);
    const { rows: stored } = await ctx.asOwner((c) =>
      c.query('SELECT refresh_hash, expires_at, ip, user_agent FROM accounts_session WHERE id = $1', [id]),
    );
    expect(stored[0].refresh_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].refresh_hash).not.toContain(secret);
    expect(stored[0].ip).toBe(client.ip);
    expect(stored[0].user_agent).toBe('jest');
    const expires = new Date(stored[0].expires_at).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 8 * 3_600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 8 * 3_600_000 + 1000);
    await expect(inTenant((m) => sessions.isLive(m, user.id, record.familyId))).resolves.toBe(true);
  });

  it('a refresh replaces the token with the next one of the same family, which ends no later than the sign-in does', async () => {
    const first = await start();
    const next = await rotate(first.refreshToken);
    expect(next.outcome).toBe('rotated');
    if (next.outcome !== 'rotated') return;
    expect(next.record.familyId).toBe(first.record.familyId);
    expect(next.refreshToken).not.toBe(first.refreshToken);
    // Never later than the first token's end (it may be a few ms earlier: the database's clock counts the start).
    expect(next.record.expiresAt.getTime()).toBeLessThanOrEqual(first.record.expiresAt.getTime());
    expect(next.record.expiresAt.getTime()).toBeGreaterThan(first.record.expiresAt.getTime() - 5_000);
    const [old, current] = await rows(first.record.familyId);
    expect(old.replacedAt).not.toBeNull();
    expect(current.replacedAt).toBeNull();
    await expect(inTenant((m) => sessions.isLive(m, user.id, first.record.familyId))).resolves.toBe(true);
  });

  it('a replaced token presented again revokes the whole family: the thief’s copy and the owner’s both stop', async () => {
    const first = await start();
    const second = await rotate(first.refreshToken);
    if (second.outcome !== 'rotated') throw new Error(second.outcome);
    await expect(rotate(first.refreshToken)).resolves.toEqual({ outcome: 'reused', userId: user.id, familyId: first.record.familyId });
    for (const row of await rows(first.record.familyId))
      expect([row.revokedAt !== null, row.revokedReason]).toEqual([true, 'refresh token reused']);
    await expect(rotate(second.refreshToken)).resolves.toEqual({ outcome: 'invalid' });
    await expect(inTenant((m) => sessions.isLive(m, user.id, first.record.familyId))).resolves.toBe(false);
  });

  it('a session past its absolute lifetime ends at the refresh, however recently it was used', async () => {
    const first = await start();
    await age(first.record.familyId, 'created_at', '9 hours');
    await expect(rotate(first.refreshToken)).resolves.toEqual({
      outcome: 'ended',
      ended: 'absolute',
      userId: user.id,
      familyId: first.record.familyId,
    });
    expect((await rows(first.record.familyId))[0].revokedReason).toBe('absolute lifetime reached');
  });

  it('a province shortening its sessions shortens the running ones (the policy in force decides)', async () => {
    const first = await start(policy({ absoluteHours: 24 }));
    await age(first.record.familyId, 'created_at', '3 hours');
    await expect(rotate(first.refreshToken, policy({ absoluteHours: 2, idleMinutes: 600 }))).resolves.toMatchObject({
      outcome: 'ended',
      ended: 'absolute',
    });
  });

  it('a session not refreshed for its idle lifetime ends; one refreshed in time goes on', async () => {
    const idle = await start();
    await age(idle.record.familyId, 'created_at', '31 minutes');
    await expect(rotate(idle.refreshToken)).resolves.toMatchObject({ outcome: 'ended', ended: 'idle' });
    expect((await rows(idle.record.familyId))[0].revokedReason).toBe('idle lifetime reached');

    const busy = await start();
    await age(busy.record.familyId, 'created_at', '29 minutes');
    await expect(rotate(busy.refreshToken)).resolves.toMatchObject({ outcome: 'rotated' });
  });

  it('the idle clock restarts at each refresh, the absolute one does not', async () => {
    const first = await start();
    await age(first.record.familyId, 'created_at', '25 minutes');
    const second = await rotate(first.refreshToken);
    if (second.outcome !== 'rotated') throw new Error(second.outcome);
    // The first token is 25 minutes old, the second new: 25 more minutes is not idle for the second.
    await age(first.record.familyId, 'created_at', '25 minutes');
    const third = await rotate(second.refreshToken);
    expect(third.outcome).toBe('rotated');
    if (third.outcome !== 'rotated') return;
    await age(first.record.familyId, 'created_at', '7 hours 20 minutes', first.record.id);
    // Now the sign-in began more than 8 hours ago, though the last refresh was a moment ago.
    await expect(rotate(third.refreshToken)).resolves.toMatchObject({ outcome: 'ended', ended: 'absolute' });
  });

  it('a token sent to another province’s scope, or to the platform, is invalid and changes nothing', async () => {
    const first = await start();
    await expect(rotate(first.refreshToken, policy(), otherTenantId)).resolves.toEqual({ outcome: 'invalid' });
    await expect(rotate(first.refreshToken, policy(), null)).resolves.toEqual({ outcome: 'invalid' });
    // In the other province's own transaction the row is not even visible (row-level security).
    await expect(
      ctx.db.transaction(otherTenantId, (m) => sessions.rotate(m, first.refreshToken, policy(), client, otherTenantId)),
    ).resolves.toEqual({ outcome: 'invalid' });
    const [row] = await rows(first.record.familyId);
    expect([row.replacedAt, row.revokedAt]).toEqual([null, null]);
    await expect(rotate(first.refreshToken)).resolves.toMatchObject({ outcome: 'rotated' });
  });

  it('a forged, malformed or revoked token is invalid', async () => {
    const first = await start();
    const [id] = first.refreshToken.split('.');
    await expect(rotate(`${id}.${'A'.repeat(43)}`)).resolves.toEqual({ outcome: 'invalid' });
    await expect(rotate('garbage')).resolves.toEqual({ outcome: 'invalid' });
    await inTenant((m) => sessions.revokeFamily(m, first.record.familyId, 'signed out'));
    await expect(rotate(first.refreshToken)).resolves.toEqual({ outcome: 'invalid' });
  });

  it('an expired token is no live session', async () => {
    const first = await start();
    await age(first.record.familyId, 'expires_at', '9 hours');
    await expect(inTenant((m) => sessions.isLive(m, user.id, first.record.familyId))).resolves.toBe(false);
  });

  it('lists one entry per live sign-in, marks the current one, and lets a user revoke only their own', async () => {
    const other = await ctx.db.transaction(tenantId, (m) =>
      m
        .getRepository(User)
        .save(m.getRepository(User).create({ tenantId, username: 'bien.tap', displayName: 'Biên tập', status: 'active' })),
    );
    const a = await start();
    const b = await start();
    const rotated = await rotate(b.refreshToken);
    expect(rotated.outcome).toBe('rotated');
    const theirs = await ctx.db.transaction(tenantId, (m) => sessions.start(m, { id: other.id, tenantId }, policy(), client));

    const listed = await inTenant((m) => sessions.list(m, user.id, a.record.familyId));
    const families = listed.map((s) => s.id);
    expect(families).toEqual(expect.arrayContaining([a.record.familyId, b.record.familyId]));
    expect(new Set(families).size).toBe(families.length);
    expect(families).not.toContain(theirs.record.familyId);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([a.record.familyId]);

    await expect(inTenant((m) => sessions.revokeOf(m, user.id, theirs.record.familyId))).rejects.toMatchObject({
      code: 'AUTH_SESSION_NOT_FOUND',
    });
    await inTenant((m) => sessions.revokeOf(m, user.id, a.record.familyId));
    expect((await inTenant((m) => sessions.list(m, user.id, a.record.familyId))).map((s) => s.id)).not.toContain(a.record.familyId);
  });

  it('ending every sign-in of a user can spare one (a password change keeps the current session)', async () => {
    const keep = await start();
    const drop = await start();
    await inTenant((m) => sessions.revokeAllOf(m, user.id, 'password changed', keep.record.familyId));
    await expect(inTenant((m) => sessions.isLive(m, user.id, keep.record.familyId))).resolves.toBe(true);
    await expect(inTenant((m) => sessions.isLive(m, user.id, drop.record.familyId))).resolves.toBe(false);
    await inTenant((m) => sessions.revokeAllOf(m, user.id, 'password reported exposed'));
    await expect(inTenant((m) => sessions.isLive(m, user.id, keep.record.familyId))).resolves.toBe(false);
  });
});
