import { CAPABILITIES, Capability, MATRIX_END, MATRIX_START, renderCapabilityMatrix } from '@cong/accounts';
import { PUBLIC_ROUTE } from '@cong/platform-context';
import { TestContext } from '@cong/testing';
import { ROLES } from '@cong/rules';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiUnderTest } from './api-under-test';
import { Caller, readyAccount, STRONG_PASSWORD } from './auth-session';

const ROOT = join(__dirname, '../../..');

/** One request per capability: the endpoint family it guards. Side-effect-free where it passes. */
const PROBES: Record<Capability, { platform: boolean; method: string; path: string; body?: unknown }> = {
  'platform.tenants.read': { platform: true, method: 'GET', path: '/api/v1/operator/tenants' },
  'platform.rules.write': {
    platform: true,
    method: 'POST',
    path: '/api/v1/operator/tenants/lao-cai/rules',
    body: { tenantYaml: 'x', unitsYaml: 'y', dryRun: true },
  },
  'platform.audit.read': { platform: true, method: 'GET', path: '/api/v1/operator/audit?limit=1' },
  'rules.read': { platform: false, method: 'GET', path: '/api/v1/rules/versions' },
  'rules.write': { platform: false, method: 'POST', path: '/api/v1/rules', body: { tenantYaml: 'x', unitsYaml: 'y', dryRun: true } },
  'audit.read': { platform: false, method: 'GET', path: '/api/v1/audit?limit=1' },
  'users.read': { platform: false, method: 'GET', path: '/api/v1/users' },
  'users.manage': { platform: false, method: 'POST', path: '/api/v1/users/invitations', body: { username: '!' } },
  'units.read': { platform: false, method: 'GET', path: '/api/v1/units' },
  'units.manage': { platform: false, method: 'POST', path: '/api/v1/units', body: { code: '!' } },
  'units.profile.edit': { platform: false, method: 'PUT', path: '/api/v1/units/so-y-te/profile', body: {} },
  'sites.read': { platform: false, method: 'GET', path: '/api/v1/sites' },
  'sites.manage': { platform: false, method: 'POST', path: '/api/v1/sites/so-y-te/sections', body: { title: '!' } },
  'content.read': { platform: false, method: 'GET', path: '/api/v1/content?limit=1' },
  'content.write': { platform: false, method: 'POST', path: '/api/v1/content', body: { site: '!' } },
  'notifications.read': { platform: false, method: 'GET', path: '/api/v1/notifications' },
  'polls.manage': { platform: false, method: 'GET', path: '/api/v1/polls' },
  'consultations.manage': { platform: false, method: 'GET', path: '/api/v1/consultations' },
  'questions.read': { platform: false, method: 'GET', path: '/api/v1/questions?limit=1' },
  'questions.route': {
    platform: false,
    method: 'POST',
    path: '/api/v1/questions/00000000-0000-4000-8000-000000000000/assign',
    body: { unit: 'so-y-te' },
  },
  'questions.answer': {
    platform: false,
    method: 'POST',
    path: '/api/v1/questions/00000000-0000-4000-8000-000000000000/answer',
    body: { answer: 'Trả lời' },
  },
  'unitRequests.read': { platform: false, method: 'GET', path: '/api/v1/unit-requests?limit=1' },
  'unitRequests.send': { platform: false, method: 'POST', path: '/api/v1/unit-requests', body: { kind: '!' } },
  'unitRequests.handle': { platform: false, method: 'POST', path: '/api/v1/unit-requests/00000000-0000-4000-8000-000000000000/take-up' },
  'onlineServices.read': { platform: false, method: 'GET', path: '/api/v1/online-services?limit=1' },
  'onlineServices.register': { platform: false, method: 'POST', path: '/api/v1/online-services', body: { level: '!' } },
  'onlineServices.decide': {
    platform: false,
    method: 'POST',
    path: '/api/v1/online-services/00000000-0000-4000-8000-000000000000/decision',
    body: { status: 'active' },
  },
  'compliance.read': { platform: false, method: 'GET', path: '/api/v1/compliance/progress?unit=so-y-te' },
  'compliance.manage': { platform: false, method: 'POST', path: '/api/v1/compliance/snapshots', body: { period: 'fortnight' } },
  'compliance.reports': { platform: false, method: 'GET', path: '/api/v1/compliance/reports/monthly-compliance?date=2026-02-30' },
};

/** Routes any signed-in account may call: they act on the caller's own account only. */
const OWN_ACCOUNT_ROUTES = [
  'signOut',
  'me',
  'sessions',
  'revokeSession',
  'changePassword',
  'reportExposed',
  'startEnrolment',
  'confirmEnrolment',
  'disable',
];

describe('authorisation matrix: every role × every endpoint family, from the documented capabilities', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    ctx = await TestContext.create();
    const tenantId = await ctx.applySeed('lao-cai');
    api = await ApiUnderTest.start(ctx.config);
    const lc = new Caller(api, 'lao-cai');
    tokens.set('national_operator', (await readyAccount(ctx, new Caller(api, null), 'op.matrix', null)).accessToken);
    const admin = (await readyAccount(ctx, lc, 'it.matrix', tenantId)).accessToken;
    tokens.set('tenant_admin', admin);
    for (const [role, unit] of [
      ['editorial_council'],
      ['editorial_board'],
      ['unit_head', 'so-y-te'],
      ['unit_editor', 'so-y-te'],
    ] as const) {
      const username = `matrix.${role.replace('_', '-')}`;
      const invited = await lc.send(
        'POST',
        '/api/v1/users/invitations',
        { username, displayName: `Vai trò ${role}`, roles: [{ role, ...(unit ? { unit } : {}) }] },
        admin,
      );
      await lc.send('POST', '/api/v1/auth/activate', { token: invited.body.invitation.token, password: STRONG_PASSWORD });
      tokens.set(role, (await lc.login(username, STRONG_PASSWORD)).body.accessToken);
    }
  });

  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('docs/access-control.md shows exactly the capabilities the guard enforces', () => {
    const doc = readFileSync(join(ROOT, 'docs/access-control.md'), 'utf8');
    const shown = doc.slice(doc.indexOf(MATRIX_START), doc.indexOf(MATRIX_END) + MATRIX_END.length);
    expect(shown).toBe(renderCapabilityMatrix());
  });

  it('probes every capability', () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(CAPABILITIES).sort());
  });

  it.each(ROLES.map((role) => [role]))('%s: allowed families pass the guard, the others are refused', async (role) => {
    const outcomes = [];
    for (const [capability, probe] of Object.entries(PROBES) as [Capability, (typeof PROBES)[Capability]][]) {
      const caller = new Caller(api, probe.platform ? null : 'lao-cai');
      const res = await caller.send(probe.method, probe.path, probe.body, tokens.get(role));
      const refused = res.status === 403 || (res.status === 401 && res.body.code === 'AUTH_WRONG_SCOPE');
      const allowed = (CAPABILITIES[capability] as readonly string[]).includes(role);
      outcomes.push({
        capability,
        expected: allowed ? 'allowed' : 'refused',
        got: refused ? 'refused' : res.status === 401 ? `401 ${res.body.code}` : 'allowed',
      });
    }
    expect(outcomes).toEqual(outcomes.map((o) => ({ ...o, got: o.expected })));
  });

  it('every route is public, requires a capability, or acts on the caller’s own account', () => {
    const discovery = api.app.get(DiscoveryService);
    const reflector = api.app.get(Reflector);
    const scanner = new MetadataScanner();
    const unguarded: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type || !wrapper.instance) continue;
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(wrapper.instance))) {
        const handler = (wrapper.instance as Record<string, unknown>)[name] as () => unknown;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue; // a helper, not a route
        const open = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, type]);
        const requires = reflector.getAllAndOverride<string[]>('access:requires', [handler, type]);
        if (!open && !requires?.length && !OWN_ACCOUNT_ROUTES.includes(name)) unguarded.push(`${type.name}.${name}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
