import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount } from './auth-session';

/** Both seed provinces applied, the API listening, and each province's IT centre signed in. */
export interface SeededApi {
  ctx: TestContext;
  api: ApiUnderTest;
  laoCaiId: string;
  ngheAnId: string;
  /** Callers addressed to each province (`X-Tenant`). */
  lc: Caller;
  na: Caller;
  /** Access tokens of the two IT centres (`tenant_admin`). */
  admin: string;
  naAdmin: string;
  close(): Promise<void>;
}

export async function seededApi(env: NodeJS.ProcessEnv = {}): Promise<SeededApi> {
  const ctx = await TestContext.create(env);
  const laoCaiId = await ctx.applySeed('lao-cai');
  const ngheAnId = await ctx.applySeed('nghe-an');
  const api = await ApiUnderTest.start(ctx.config);
  const lc = new Caller(api, 'lao-cai');
  const na = new Caller(api, 'nghe-an');
  const admin = (await readyAccount(ctx, lc, 'it.laocai', laoCaiId)).accessToken;
  const naAdmin = (await readyAccount(ctx, na, 'it.nghean', ngheAnId)).accessToken;
  return {
    ctx,
    api,
    laoCaiId,
    ngheAnId,
    lc,
    na,
    admin,
    naAdmin,
    close: async () => {
      await api.close();
      await ctx.close();
    },
  };
}
