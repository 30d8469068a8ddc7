import { ExecutionScope } from '@cong/platform-context';
import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { TenantContext, TenantContextMissingError } from './tenant-context';

const LAO_CAI = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'lao-cai',
  name: 'Lào Cai',
  timezone: 'Asia/Ho_Chi_Minh',
  status: 'active' as const,
};

describe('TenantContext: the province of the running request or job, failing closed', () => {
  const cls = new ClsService(new AsyncLocalStorage());
  const scope = new ExecutionScope(cls);
  const tenants = new TenantContext(scope, cls);

  it('outside any scope there is no province: require() and current() throw', () => {
    expect(() => tenants.require()).toThrow(TenantContextMissingError);
    expect(() => tenants.current()).toThrow(TenantContextMissingError);
    try {
      tenants.require();
    } catch (error) {
      expect((error as TenantContextMissingError).code).toBe('TENANCY_CONTEXT_MISSING');
    }
  });

  it('a scope without a province still refuses', async () => {
    await scope.run({ requestId: 'r1' }, async () => {
      expect(() => tenants.require()).toThrow(TenantContextMissingError);
      expect(() => tenants.current()).toThrow(TenantContextMissingError);
    });
  });

  it('runAs binds work to a province and an actor, and only that work', async () => {
    const seen = await tenants.runAs(LAO_CAI.id, { kind: 'job', id: null, label: 'test' }, async () => ({
      tenant: tenants.require(),
      actor: scope.actor?.label,
      requestId: scope.requestId,
    }));
    expect(seen).toEqual({ tenant: LAO_CAI.id, actor: 'test', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(() => tenants.require()).toThrow(TenantContextMissingError);
  });

  it('enter() binds the running request to the resolved province; concurrent requests keep their own', async () => {
    const other = { ...LAO_CAI, id: '00000000-0000-4000-8000-000000000002', code: 'nghe-an' };
    const request = (tenant: typeof LAO_CAI, delay: number) =>
      scope.run({ requestId: tenant.code }, async () => {
        tenants.enter(tenant);
        await new Promise((r) => setTimeout(r, delay));
        return [tenants.require(), tenants.current().code];
      });
    await expect(Promise.all([request(LAO_CAI, 20), request(other, 5)])).resolves.toEqual([
      [LAO_CAI.id, 'lao-cai'],
      [other.id, 'nghe-an'],
    ]);
  });
});
