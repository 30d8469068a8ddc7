import { TcpProxy, TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';

describe('health', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  /** An API whose Postgres and Redis connections run through proxies the test can cut. */
  async function apiBehindProxies() {
    const pg = await TcpProxy.start(ctx.config.database.ownerUrl, 5432);
    const redis = await TcpProxy.start(ctx.config.redis.url, 6379);
    const api = await ApiUnderTest.start(
      ctx.configWith({ DATABASE_URL: pg.urlFor(ctx.config.database.ownerUrl), REDIS_URL: redis.urlFor(ctx.config.redis.url) }),
    );
    return { api, pg, redis, close: async () => (await api.close(), await pg.close(), await redis.close()) };
  }

  it('/ and /api/v1 answer with links to the docs, the API and health (JSON, or a Vietnamese page for a browser)', async () => {
    const { api, close } = await apiBehindProxies();
    try {
      for (const path of ['/', '/api/v1']) {
        const res = await api.request(path);
        expect(res.status).toBe(200);
        expect(res.body.name).toBe('Cổng API');
        const hrefs = res.body.links.map((l: { href: string }) => l.href);
        expect(hrefs).toEqual(expect.arrayContaining(['/docs', '/docs/openapi.json', '/api/v1/tenant', '/health/ready']));
        // Every link it gives answers (the province-bound ones with a province).
        for (const href of hrefs) {
          const target = await api.request(href, { headers: { 'x-tenant': 'no-such-province' } });
          expect([200, 404]).toContain(target.status);
          if (target.status === 404) expect(target.body.code).toBe('TENANCY_TENANT_NOT_FOUND');
        }
      }
      const page = await api.request('/', { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<html lang="vi">');
      expect(page.text).toContain('href="/docs"');
    } finally {
      await close();
    }
  });

  it('/health/live answers 200 without a province', async () => {
    const { api, close } = await apiBehindProxies();
    try {
      const res = await api.request('/health/live');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    } finally {
      await close();
    }
  });

  it('/health/ready is 200 with both dependencies up, and 503 naming Redis when Redis goes away', async () => {
    const { api, redis, close } = await apiBehindProxies();
    try {
      const up = await api.request('/health/ready');
      expect(up.status).toBe(200);
      expect(up.body).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });

      await redis.sever();
      const down = await api.request('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body.failing).toEqual(['redis']);
      expect(down.body.checks.postgres).toEqual({ status: 'up' });
      expect(down.body.checks.redis.status).toBe('down');
      expect(down.body.detail).toContain('redis');
    } finally {
      await close();
    }
  });

  it('/health/ready is 503 naming Postgres when Postgres goes away', async () => {
    const { api, pg, close } = await apiBehindProxies();
    try {
      expect((await api.request('/health/ready')).status).toBe(200);
      await pg.sever();
      const down = await api.request('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body.failing).toEqual(['postgres']);
      expect(down.body.checks.redis).toEqual({ status: 'up' });
    } finally {
      await close();
    }
  });
});
