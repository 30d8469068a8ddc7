import { deleteRedisKeys, TcpProxy, TestContext, until } from '@cong/testing';
import { randomUUID } from 'node:crypto';
import { CachedResponse, PublicResponseCache } from './public-response-cache';

const response = (body: string, storedAt = Date.now()): CachedResponse => ({
  status: 200,
  contentType: 'application/json',
  body,
  etag: `"${body}"`,
  storedAt,
});
/** Computed this long ago: past its freshness (300 s), within the stale-if-error hour. */
const tenMinutesAgo = () => Date.now() - 600_000;

describe('public response cache: this process, Redis, and invalidation across processes (real Redis)', () => {
  let ctx: TestContext;
  let api: PublicResponseCache;
  let worker: PublicResponseCache;
  const prefix = `cong-test-cache-${process.pid}`;

  beforeAll(async () => {
    ctx = await TestContext.create();
    // Two instances stand for two processes: an API and the worker that publishes scheduled items.
    api = PublicResponseCache.connect(ctx.config.redis.url, prefix);
    worker = PublicResponseCache.connect(ctx.config.redis.url, prefix);
    await new Promise((r) => setTimeout(r, 200)); // both subscribed
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await deleteRedisKeys(ctx.config.redis.url, prefix);
    await ctx?.close();
  });

  it('answers a stored response from this process without Redis, and from Redis in another process', async () => {
    const tenant = randomUUID();
    expect(await api.get(tenant, 'list')).toBeNull();
    await api.set(tenant, 'list', response('a'));
    expect(api.peek(tenant, 'list')?.body).toBe('a');
    expect(worker.peek(tenant, 'list')).toBeUndefined();
    expect((await worker.get(tenant, 'list'))?.body).toBe('a');
    expect(worker.peek(tenant, 'list')?.body).toBe('a');
  });

  it("invalidating a province in one process empties every process's copy of it, and only of it", async () => {
    const tenant = randomUUID();
    const other = randomUUID();
    await api.set(tenant, 'list', response('old'));
    await api.set(other, 'list', response('other'));
    await worker.invalidate(tenant);
    await until(() => api.peek(tenant, 'list') === undefined);
    expect(await api.get(tenant, 'list')).toBeNull();
    expect(api.peek(other, 'list')?.body).toBe('other');
  });

  it('does not store a response computed before an invalidation that happened while it was computed', async () => {
    const tenant = randomUUID();
    const generation = api.generation(tenant);
    await api.invalidate(tenant); // something was published meanwhile
    await api.set(tenant, 'list', response('stale'), generation);
    expect(api.peek(tenant, 'list')).toBeUndefined();
    expect(await worker.get(tenant, 'list')).toBeNull();
  });

  it('stale if error: an answer past its freshness is a miss, but kept for when the database is away — per province, and never once invalidated', async () => {
    const tenant = randomUUID();
    const other = randomUUID();
    await api.set(tenant, 'list', response('old', tenMinutesAgo()));
    expect(api.peek(tenant, 'list')).toBeUndefined();
    expect(await worker.get(tenant, 'list')).toBeNull();
    expect((await worker.stale(tenant, 'list'))?.body).toBe('old');
    expect(await worker.stale(other, 'list')).toBeNull();
    // Older than freshness and the stale window together: gone for good.
    await api.set(tenant, 'ancient', response('ancient', Date.now() - 2 * 3600_000));
    expect(await api.stale(tenant, 'ancient')).toBeNull();

    await worker.invalidate(tenant);
    await until(() => api.generation(tenant) > 0);
    expect(await api.stale(tenant, 'list')).toBeNull();
    expect(await worker.stale(tenant, 'list')).toBeNull();
  });

  it("with Redis away as well, this process's own copy serves stale, until its province is invalidated", async () => {
    const proxy = await TcpProxy.start(ctx.config.redis.url, 6379);
    const alone = PublicResponseCache.connect(proxy.urlFor(ctx.config.redis.url), prefix);
    try {
      const tenant = randomUUID();
      // Stored in Redis too (the other process sees it), then Redis goes away.
      await until(
        async () => (
          await alone.set(tenant, 'list', response('here', tenMinutesAgo())),
          (await worker.stale(tenant, 'list'))?.body === 'here'
        ),
      );
      await proxy.sever();
      expect((await alone.stale(tenant, 'list'))?.body).toBe('here');
      await alone.invalidate(tenant);
      expect(await alone.stale(tenant, 'list')).toBeNull();
    } finally {
      await alone.close();
      await proxy.close();
    }
  });

  it('is a no-op when caching is off', async () => {
    const off = PublicResponseCache.disabled();
    await off.set('t', 'k', response('x'));
    expect(off.peek('t', 'k')).toBeUndefined();
    expect(await off.get('t', 'k')).toBeNull();
  });
});
