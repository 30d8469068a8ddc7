import { TestContext } from '@cong/testing';
import { Tenant } from '../tenants/tenant.entity';
import { TenantResolver } from './tenant-resolver';

describe('TenantResolver: Host and X-Tenant to a province (real registry)', () => {
  let ctx: TestContext;
  let resolver: TenantResolver;
  let laoCai: Tenant;
  let ngheAn: Tenant;
  let suspended: Tenant;

  beforeAll(async () => {
    ctx = await TestContext.create();
    laoCai = await ctx.newTenant({ code: 'rs-lao-cai', domains: ['laocai.example.vn', 'www.laocai.example.vn'] });
    ngheAn = await ctx.newTenant({ code: 'rs-nghe-an', domains: ['nghean.example.vn'] });
    suspended = await ctx.newTenant({ code: 'rs-suspended', domains: ['suspended.example.vn'], status: 'suspended' });
    resolver = new TenantResolver(ctx.tenants, ctx.config);
  });
  afterEach(() => {
    resolver.invalidate();
    jest.restoreAllMocks();
  });
  afterAll(() => ctx?.close());

  it('resolves a province by any of its domains, whatever the case, port or trailing dot', async () => {
    for (const host of ['laocai.example.vn', 'WWW.LaoCai.example.vn:443', 'laocai.example.vn.']) {
      await expect(resolver.resolve({ host })).resolves.toEqual({
        id: laoCai.id,
        code: 'rs-lao-cai',
        name: laoCai.name,
        timezone: 'Asia/Ho_Chi_Minh',
        status: 'active',
      });
    }
  });

  it('resolves by X-Tenant for API clients on no province’s domain', async () => {
    await expect(resolver.resolve({ host: 'api.example.org', tenantHeader: 'rs-nghe-an' })).resolves.toMatchObject({ id: ngheAn.id });
    await expect(resolver.resolve({ tenantHeader: [' rs-nghe-an '] })).resolves.toMatchObject({ id: ngheAn.id });
  });

  it('an unknown domain or code is a 404, never a default province', async () => {
    await expect(resolver.resolve({ host: 'nowhere.example.vn' })).rejects.toMatchObject({
      code: 'TENANCY_TENANT_NOT_FOUND',
      kind: 'not_found',
    });
    await expect(resolver.resolve({ tenantHeader: 'no-such-province' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    await expect(resolver.resolve({})).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
  });

  it('an X-Tenant contradicting the domain is refused (400), agreeing with it is fine', async () => {
    await expect(resolver.resolve({ host: 'laocai.example.vn', tenantHeader: 'rs-nghe-an' })).rejects.toMatchObject({
      code: 'TENANCY_TENANT_MISMATCH',
      kind: 'bad_request',
    });
    await expect(resolver.resolve({ host: 'laocai.example.vn', tenantHeader: 'rs-lao-cai' })).resolves.toMatchObject({ id: laoCai.id });
  });

  it('a malformed X-Tenant or Host is a 400', async () => {
    await expect(resolver.resolve({ tenantHeader: 'Lao Cai' })).rejects.toMatchObject({ code: 'TENANCY_MALFORMED_TENANT_HEADER' });
    await expect(resolver.resolve({ tenantHeader: ['rs-lao-cai', 'rs-nghe-an'] })).rejects.toMatchObject({
      code: 'TENANCY_MALFORMED_TENANT_HEADER',
    });
    await expect(resolver.resolve({ host: 'bad_host!' })).rejects.toMatchObject({ code: 'TENANCY_MALFORMED_HOST' });
  });

  it('a suspended province is a 403, by domain and by code', async () => {
    await expect(resolver.resolve({ host: 'suspended.example.vn' })).rejects.toMatchObject({
      code: 'TENANCY_TENANT_SUSPENDED',
      kind: 'forbidden',
    });
    await expect(resolver.resolve({ tenantHeader: suspended.code })).rejects.toMatchObject({ code: 'TENANCY_TENANT_SUSPENDED' });
  });

  it('caches lookups, misses included: a flood of requests for one unknown host asks the database once', async () => {
    const byDomain = jest.spyOn(ctx.tenants, 'findByDomain');
    for (let i = 0; i < 20; i++)
      await expect(resolver.resolve({ host: 'random-flood.example.vn' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    for (let i = 0; i < 20; i++) await resolver.resolve({ host: 'laocai.example.vn' });
    expect(byDomain.mock.calls.map(([d]) => d)).toEqual(['random-flood.example.vn', 'laocai.example.vn']);
  });

  it('invalidate() forgets cached answers, so a province created since is found', async () => {
    await expect(resolver.resolve({ host: 'created-later.example.vn' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    const later = await ctx.newTenant({ code: 'rs-later', domains: ['created-later.example.vn'] });
    await expect(resolver.resolve({ host: 'created-later.example.vn' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    resolver.invalidate();
    await expect(resolver.resolve({ host: 'created-later.example.vn' })).resolves.toMatchObject({ id: later.id });
  });

  it('resolveCached answers from the cache only, and never what resolve would refuse', async () => {
    expect(resolver.resolveCached({ host: 'laocai.example.vn' })).toBeUndefined();
    await resolver.resolve({ host: 'laocai.example.vn' });
    expect(resolver.resolveCached({ host: 'LAOCAI.example.vn:80' })).toMatchObject({ id: laoCai.id });

    await resolver.resolve({ host: 'laocai.example.vn', tenantHeader: 'rs-lao-cai' });
    await resolver.resolve({ tenantHeader: 'rs-nghe-an' });
    expect(resolver.resolveCached({ host: 'laocai.example.vn', tenantHeader: 'rs-lao-cai' })).toMatchObject({ id: laoCai.id });
    // A mismatch, a suspended province, a cached miss, a malformed host: left to resolve(), which refuses them.
    expect(resolver.resolveCached({ host: 'laocai.example.vn', tenantHeader: 'rs-nghe-an' })).toBeUndefined();
    await resolver.resolve({ host: 'suspended.example.vn' }).catch(() => undefined);
    expect(resolver.resolveCached({ host: 'suspended.example.vn' })).toBeUndefined();
    await resolver.resolve({ host: 'unknown-cached.example.vn' }).catch(() => undefined);
    expect(resolver.resolveCached({ host: 'unknown-cached.example.vn' })).toBeUndefined();
    expect(resolver.resolveCached({ host: 'bad_host!' })).toBeUndefined();
    expect(resolver.resolveCached({ host: 'laocai.example.vn', tenantHeader: ['rs-lao-cai'] })).toBeUndefined();
  });

  it('outside production, `<code>.localhost` names the province `<code>`', async () => {
    await expect(resolver.resolve({ host: 'rs-lao-cai.localhost:3000' })).resolves.toMatchObject({ id: laoCai.id });
    expect(resolver.resolveCached({ host: 'rs-lao-cai.localhost' })).toMatchObject({ id: laoCai.id });
    await expect(resolver.resolve({ host: 'rs-no-such.localhost' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    // An explicit X-Tenant wins over the alias, and must agree with no domain (localhost names none).
    await expect(resolver.resolve({ host: 'rs-lao-cai.localhost', tenantHeader: 'rs-nghe-an' })).resolves.toMatchObject({ id: ngheAn.id });
  });

  it('in production, `<code>.localhost` names nothing', async () => {
    const production = new TenantResolver(
      ctx.tenants,
      ctx.configWith({
        NODE_ENV: 'production',
        DATABASE_APP_PASSWORD: 'x'.repeat(16),
        DATABASE_PUBLIC_PASSWORD: 'y'.repeat(16),
        AUTH_JWT_SECRET: 'p'.repeat(40),
      }),
    );
    await expect(production.resolve({ host: 'rs-lao-cai.localhost' })).rejects.toMatchObject({ code: 'TENANCY_TENANT_NOT_FOUND' });
    expect(production.resolveCached({ host: 'rs-lao-cai.localhost' })).toBeUndefined();
    await expect(production.resolve({ host: 'laocai.example.vn' })).resolves.toMatchObject({ id: laoCai.id });
  });
});
