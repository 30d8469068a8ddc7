import { PublicResponseCache } from '@cong/platform-cache';
import { HttpResponse, TcpProxy, TestContext, until } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount, readyAccount, STRONG_PASSWORD } from './auth-session';
import { publishThrough } from './publishing';

/**
 * Issue 14, point 10 (resilience suite): PostgreSQL goes away under a running API. Citizens' cached
 * answers keep being served — past their freshness, marked stale — and the province lookup is kept
 * from before; what cannot be served, public or staff, is a 503 problem+json with Retry-After, fast;
 * once the database is back everything answers as before. The API reaches Postgres through a proxy
 * this test severs; Redis stays up.
 */
describe('the API when PostgreSQL is unreachable (stale-if-error, 503 with Retry-After)', () => {
  let ctx: TestContext;
  let pg: TcpProxy;
  let api: ApiUnderTest;
  let cache: PublicResponseCache;
  let lc: Caller;
  let admin: string;
  let laoCaiId: string;
  const listed: { id: string; slug: string }[] = [];

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCaiId = await ctx.applySeed('lao-cai');
    await ctx.applySeed('nghe-an');
    pg = await TcpProxy.start(ctx.config.database.ownerUrl, 5432);
    const config = ctx.configWith({
      DATABASE_URL: pg.urlFor(ctx.config.database.ownerUrl),
      // Short so that the test need not wait: answers are fresh for a second, a province lookup
      // is trusted for half of one; past that, only the database unreachable lets them serve.
      PUBLIC_CACHE_TTL_SECONDS: '1',
      TENANT_LOOKUP_TTL_MS: '500',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_PUBLIC_CONNECT_TIMEOUT_MS: '1000',
    });
    api = await ApiUnderTest.start(config);
    lc = new Caller(api, 'lao-cai');
    admin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
    cache = PublicResponseCache.connect(ctx.config.redis.url, ctx.config.redis.prefix);
    const editor = await invitedAccount(lc, admin, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    for (const title of ['Thông báo lịch tiếp công dân', 'Kế hoạch tiêm chủng mở rộng']) {
      const item = (await lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title }, editor)).body as {
        id: string;
        slug: string;
      };
      await publishThrough(lc, [editor], item.id);
      listed.push(item);
    }
  }, 60_000);

  afterAll(async () => {
    await cache?.close();
    await api?.close();
    await pg?.close();
    await ctx?.close();
  });

  // How long each took is not asserted (no timings in tests): a silent database's cost is counted
  // in connections tried (`tried`), each bounded by the connect timeout.
  const pub = (path: string, tenant = 'lao-cai') => tried(() => api.request(`/api/v1/public${path}`, { headers: { 'x-tenant': tenant } }));
  const staff = (method: string, path: string, body?: unknown) => tried(() => lc.send(method, `/api/v1${path}`, body, admin));
  /** A request, and how many connections it opened to the database while it stalled. */
  const tried = async (send: () => Promise<HttpResponse>) => {
    const before = pg.held;
    const res = await send();
    return Object.assign(res, { tried: pg.held - before });
  };
  const expectUnavailable = (res: HttpResponse) => {
    expect([res.status, res.headers['content-type'], res.headers['retry-after']]).toEqual([
      503,
      'application/problem+json; charset=utf-8',
      '15',
    ]);
    expect(res.body).toMatchObject({ status: 503, code: 'PLATFORM_UNAVAILABLE', title: 'Dịch vụ tạm thời không khả dụng' });
    expect(res.body.detail).toBe('Hệ thống tạm thời không truy cập được dữ liệu. Vui lòng thử lại sau ít phút.');
  };

  it('serves cached public answers past their freshness, marked stale; the rest, public and staff, is a fast 503 problem; then recovers', async () => {
    const list = await pub('/sites/so-y-te/items');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60, stale-if-error=3600');
    expect(list.headers.warning).toBeUndefined();
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(listed.map((i) => i.id)));
    // Nghệ An is known to this API (its province lookup is cached) but its list of this site is not.
    expect((await pub('/sites', 'nghe-an')).status).toBe(200);
    const warmedAt = Date.now();
    expect((await staff('GET', '/content')).status).toBe(200);

    // Both the answer and the province lookup are past their freshness: without the database
    // neither could be served any more before this change (a 500 after seconds).
    await until(() => Date.now() > warmedAt + 1_100, 3_000, 'the cached answer turning stale');
    await pg.sever();

    const stale = await pub('/sites/so-y-te/items');
    expect(stale.status).toBe(200);
    expect(stale.body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(stale.headers.warning).toBe('110 - "Response is Stale"');
    expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(1);
    expect(stale.headers['cache-control']).toBe('public, max-age=0, stale-if-error=3600');
    expect(stale.headers.etag).toBe(list.headers.etag);
    // Again, from the province lookup kept from before: still the same answer, still fast.
    const again = await pub('/sites/so-y-te/items');
    expect([again.status, again.headers.warning]).toEqual([200, '110 - "Response is Stale"']);
    // Under load: fifty citizens at once, the cached list and an uncached page mixed.
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => pub(i % 5 === 0 ? `/sites/so-y-te/items/${listed[1].slug}` : '/sites/so-y-te/items')),
    );
    expect(burst.filter((r) => r.status === 200 && r.headers.warning === '110 - "Response is Stale"')).toHaveLength(40);
    expect(burst.filter((r) => r.status === 503 && r.headers['retry-after'] === '15')).toHaveLength(10);

    // Never cached: an item's page, the same list for another province, a province never looked up.
    expectUnavailable(await pub(`/sites/so-y-te/items/${listed[0].slug}`));
    const otherProvince = await pub('/sites/so-y-te/items', 'nghe-an');
    expectUnavailable(otherProvince);
    expect(otherProvince.text).not.toContain(listed[0].id);
    expectUnavailable(await pub('/sites', 'tinh-chua-tung-hoi'));
    // Staff routes (signed in, province known): a 503, not a 500 — reads and writes alike.
    expectUnavailable(await staff('GET', '/content'));
    expectUnavailable(await staff('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Viết khi mất cơ sở dữ liệu' }));
    // Signing in cannot check a password without the database: a 503, never a 401 that would read
    // as a wrong password (nor a lockout count).
    expectUnavailable(await lc.login('it.laocai', STRONG_PASSWORD));

    await pg.restore();
    await until(async () => (await pub(`/sites/so-y-te/items/${listed[0].slug}`)).status === 200, 10_000, 'the item page answering again');
    const fresh = await pub('/sites/so-y-te/items');
    expect([fresh.status, fresh.headers.warning, fresh.headers['cache-control']]).toEqual([
      200,
      undefined,
      'public, max-age=30, stale-while-revalidate=60, stale-if-error=3600',
    ]);
    expect(fresh.body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    expect((await pub('/sites/so-y-te/items', 'nghe-an')).status).not.toBe(503);
    expect((await staff('GET', '/content')).status).toBe(200);
    expect((await staff('POST', '/content', { site: 'so-y-te', type: 'news', title: 'Viết sau khi có lại cơ sở dữ liệu' })).status).toBe(
      201,
    );
    expect((await lc.login('it.laocai', STRONG_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('a database host that stops answering (no refusal, only silence) costs a citizen about the connect timeout once, not seconds on every read', async () => {
    const list = await pub('/sites/so-y-te/items?limit=5');
    expect([list.status, list.headers.warning]).toEqual([200, undefined]);
    const warmedAt = Date.now();
    await until(() => Date.now() > warmedAt + 1_100, 3_000, 'the cached answer turning stale');
    pg.stall();

    // The first read waits for the bounded connects (the province lookup, then the read) and
    // answers stale; the next ones know the database is away and answer at once.
    const first = await pub('/sites/so-y-te/items?limit=5');
    expect([first.status, first.headers.warning]).toEqual([200, '110 - "Response is Stale"']);
    expect(first.tried).toBeLessThanOrEqual(2);
    const next = await pub('/sites/so-y-te/items?limit=5');
    expect([next.status, next.headers.warning]).toEqual([200, '110 - "Response is Stale"']);
    expect(next.tried).toBe(0);
    expect(next.body).toEqual(list.body);

    // What cannot be served stale tries the database once at most, and gives up at the timeout.
    const item = await pub(`/sites/so-y-te/items/${listed[1].slug}`);
    expectUnavailable(item);
    const content = await staff('GET', '/content');
    expectUnavailable(content);
    expect({ item: item.tried, content: content.tried }).toEqual({ item: 1, content: 1 });

    await pg.restore();
    await until(async () => (await pub(`/sites/so-y-te/items/${listed[1].slug}`)).status === 200, 10_000, 'the item page answering again');
    expect((await staff('GET', '/content')).status).toBe(200);
  }, 60_000);
});
