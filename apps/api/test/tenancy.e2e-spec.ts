import { Tenant } from '@cong/tenancy';
import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';

describe('tenant resolution over HTTP', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let laoCai: Tenant;
  let ngheAn: Tenant;

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCai = await ctx.newTenant({ name: 'Tỉnh Lào Cai', domains: ['laocai.test.vn', 'www.laocai.test.vn'] });
    ngheAn = await ctx.newTenant({ name: 'Tỉnh Nghệ An', domains: ['nghean.test.vn'] });
    api = await ApiUnderTest.start(ctx.config);
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('resolves the province from the Host header (case and port ignored)', async () => {
    const res = await api.onHost('LaoCai.Test.VN:8443', '/api/v1/tenant');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: laoCai.id,
      code: laoCai.code,
      name: 'Tỉnh Lào Cai',
      timezone: 'Asia/Ho_Chi_Minh',
      domains: [
        { domain: 'laocai.test.vn', primary: true },
        { domain: 'www.laocai.test.vn', primary: false },
      ],
    });
  });

  it('resolves the province from X-Tenant for API clients on another host', async () => {
    const res = await api.request('/api/v1/tenant', { headers: { 'x-tenant': ngheAn.code } });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(ngheAn.code);
  });

  it("never shows one province's data to another (each sees only its own domains)", async () => {
    const a = await api.onHost('nghean.test.vn', '/api/v1/tenant');
    expect(a.body.domains).toEqual([{ domain: 'nghean.test.vn', primary: true }]);
    expect(JSON.stringify(a.body)).not.toContain('laocai');
  });

  it('answers an unknown domain with 404 problem+json, never a default province', async () => {
    const res = await api.onHost('unknown-province.test.vn', '/api/v1/tenant');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 404,
      code: 'TENANCY_TENANT_NOT_FOUND',
      type: 'urn:cong:problem:tenancy-tenant-not-found',
      title: 'Không tìm thấy',
      instance: '/api/v1/tenant',
    });
    expect(res.body.detail).toContain('unknown-province.test.vn');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an unknown X-Tenant code with 404', async () => {
    const res = await api.request('/api/v1/tenant', { headers: { 'x-tenant': 'atlantis' } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('TENANCY_TENANT_NOT_FOUND');
  });

  it.each([['Lào Cai'], ['LAO_CAI'], ['a'], ["lao-cai' OR 1=1"], ['x'.repeat(80)]])(
    'answers a malformed X-Tenant %p with 400 naming the header',
    async (value) => {
      const res = await api.request('/api/v1/tenant', {
        headers: { 'x-tenant': encodeURI(value) === value ? value : value.replace(/[^\x20-\x7e]/g, '?') },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('TENANCY_MALFORMED_TENANT_HEADER');
      expect(res.body.detail).toContain('X-Tenant');
    },
  );

  it('refuses an X-Tenant that contradicts the domain (400), revealing nothing', async () => {
    const res = await api.onHost('laocai.test.vn', '/api/v1/tenant', { headers: { 'x-tenant': ngheAn.code } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TENANCY_TENANT_MISMATCH');
    expect(JSON.stringify(res.body)).not.toContain(laoCai.id);
  });

  it('refuses a suspended province (403)', async () => {
    const suspended = await ctx.newTenant({ status: 'suspended' });
    const res = await api.request('/api/v1/tenant', { headers: { 'x-tenant': suspended.code } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('TENANCY_TENANT_SUSPENDED');
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await api.onHost('laocai.test.vn', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('PLATFORM_NOT_FOUND');
  });

  it("issue 14: Fastify's own router errors (bad percent-encoding, an over-long parameter) are problem+json", async () => {
    const bad = await api.onHost('laocai.test.vn', '/api/v1/content/%E0%A4%A');
    expect([bad.status, bad.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
    expect(bad.body).toMatchObject({ status: 400, code: 'PLATFORM_MALFORMED_URL', requestId: expect.any(String) });
    expect(bad.body.detail).toMatch(/không hợp lệ/);
    expect(bad.headers['x-request-id']).toBe(bad.body.requestId);
    const long = await api.onHost('laocai.test.vn', `/api/v1/content/${'a'.repeat(600)}`);
    expect([long.status, long.headers['content-type']]).toEqual([414, 'application/problem+json; charset=utf-8']);
    expect(long.body).toMatchObject({ status: 414, code: 'PLATFORM_URI_TOO_LONG', title: 'Địa chỉ yêu cầu quá dài' });
    expect(long.headers['x-content-type-options']).toBe('nosniff');
  });

  it('issue 14: every answer carries the security headers — staff and public routes, errors, the docs', async () => {
    const answers = {
      tenant: await api.onHost('laocai.test.vn', '/api/v1/tenant'),
      public: await api.onHost('laocai.test.vn', '/api/v1/public/sites'),
      missing: await api.onHost('laocai.test.vn', '/api/v1/no-such-thing'),
      unauthenticated: await api.onHost('laocai.test.vn', '/api/v1/content'),
      health: await api.request('/health/live'),
    };
    for (const [name, res] of Object.entries(answers)) {
      expect({ name, nosniff: res.headers['x-content-type-options'], frame: res.headers['x-frame-options'] }).toEqual({
        name,
        nosniff: 'nosniff',
        frame: 'DENY',
      });
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      // HSTS only where production serves HTTPS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const docs = await api.request('/docs');
    expect(docs.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(docs.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("keeps the caller's X-Request-Id, and makes one when absent", async () => {
    const given = await api.onHost('laocai.test.vn', '/api/v1/tenant', { headers: { 'x-request-id': 'proxy-1234-abcd' } });
    expect(given.headers['x-request-id']).toBe('proxy-1234-abcd');
    const made = await api.onHost('laocai.test.vn', '/api/v1/tenant');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lists the active provinces by name for a development console's province picker, with no province or sign-in", async () => {
    await ctx.newTenant({ name: 'Tỉnh Đắk Lắk' });
    await ctx.newTenant({ name: 'Tỉnh An Giang', status: 'suspended' });
    const res = await api.request('/api/v1/tenants/directory');
    expect(res.status).toBe(200);
    const names = res.body.map((t: { name: string }) => t.name);
    // Vietnamese order: Đ after D, before L; suspended provinces are not offered.
    expect(names.filter((n: string) => ['Tỉnh Đắk Lắk', 'Tỉnh Lào Cai', 'Tỉnh Nghệ An'].includes(n))).toEqual([
      'Tỉnh Đắk Lắk',
      'Tỉnh Lào Cai',
      'Tỉnh Nghệ An',
    ]);
    expect(names).not.toContain('Tỉnh An Giang');
    expect(res.body).toContainEqual({ code: laoCai.code, name: 'Tỉnh Lào Cai' });
    expect(Object.keys(res.body[0]).sort()).toEqual(['code', 'name']);
    // The same on a province's domain (it names none, whichever is asked).
    expect((await api.onHost('laocai.test.vn', '/api/v1/tenants/directory')).body).toEqual(res.body);
  });

  it('has no list of provinces in production: a 404 like any unknown route, and not in the OpenAPI document', async () => {
    const production = await ApiUnderTest.start(
      Object.assign(Object.create(Object.getPrototypeOf(ctx.config)), ctx.config, { env: 'production' }),
    );
    try {
      const res = await production.request('/api/v1/tenants/directory');
      const unknown = await production.request('/api/v1/tenants/no-such-thing');
      expect([res.status, res.body.code]).toEqual([404, 'PLATFORM_NOT_FOUND']);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'PLATFORM_NOT_FOUND']);
      expect((await production.request('/docs/openapi.json')).body.paths).not.toHaveProperty('/api/v1/tenants/directory');
      expect((await api.request('/docs/openapi.json')).body.paths).toHaveProperty('/api/v1/tenants/directory');
    } finally {
      await production.close();
    }
  });

  it('serves the OpenAPI document and Swagger UI at /docs without a province', async () => {
    const ui = await api.request('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = await api.request('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths).toHaveProperty('/api/v1/tenant');
    expect(doc.body.paths).toHaveProperty('/health/ready');
  });
});
