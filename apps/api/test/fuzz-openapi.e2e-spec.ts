import { randomUUID } from 'node:crypto';
import { Caller, readyAccount } from './auth-session';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 14: every route of the OpenAPI document, fed what a hostile or careless client sends — ids
 * that are not ids, NUL characters, lone surrogates, impossible dates, nulls for required fields,
 * JSON nested thousands deep, nonsense query values — answers with a 4xx problem, never a 5xx.
 * Sent as a province's IT centre and as a national operator, who pass every guard, so each request
 * reaches the code that reads it. Bounded: a fixed set of inputs per route.
 */
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header' }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

const STRINGS = ['x', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '2026-02-30', '2026-13-45', '2026-02-30T25:61', '-1', '1e309', ' '];
const PATH_VALUES = ['x', '%00', 'a%00b', '%ED%A0%80', '2026-02-30', '0', randomUUID()];

/** JSON nested deeper than any parser's or validator's stack should have to go. */
const DEEP = '['.repeat(20000) + ']'.repeat(20000);
const DEEP_OBJECT = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);

describe('fuzzing every OpenAPI route (issue 14): no input gives a 5xx', () => {
  jest.setTimeout(240_000);
  let seeded: SeededApi;
  let operator: { caller: Caller; token: string };
  let schemas: Record<string, Schema>;
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    seeded = await seededApi();
    const platform = new Caller(seeded.api, null);
    operator = { caller: platform, token: (await readyAccount(seeded.ctx, platform, 'fuzz.operator', null)).accessToken };
    const doc = (await seeded.api.request('/docs/openapi.json')).body;
    schemas = doc.components?.schemas ?? {};
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    // Ending a session or changing its password last: the other routes keep a signed-in caller.
    operations.sort((a, b) => Number(/logout|password|refresh/.test(a.path)) - Number(/logout|password|refresh/.test(b.path)));
  });
  afterAll(() => seeded?.close());

  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? schemas[s.$ref.split('/').pop()!] : s);

  /** Bodies: the schema's fields each made hostile in turn and all at once, and hostile shapes. */
  function bodies(op: Operation): string[] {
    const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
    const fields = Object.keys(schema?.properties ?? {});
    const out = [DEEP, DEEP_OBJECT, 'null', '[]', '"x"', JSON.stringify({ '\u0000': 1 })];
    for (const value of [...STRINGS, null, -1, 1e308, [], {}, [[[['x']]]]]) {
      out.push(JSON.stringify(Object.fromEntries(fields.map((f) => [f, value]))));
    }
    for (const f of fields.slice(0, 20)) {
      for (const value of [null, '\u0000', '\ud800', '2026-02-30']) out.push(JSON.stringify({ [f]: value }));
    }
    return out;
  }

  function paths(path: string, op: Operation): string[] {
    const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    return PATH_VALUES.map((v) => {
      const filled = path.replace(/\{[^}]+\}/g, v);
      const q = query.map((name) => `${encodeURIComponent(name)}=${v}`).join('&');
      return q ? `${filled}?${q}&unknown=1` : `${filled}?unknown=1`;
    });
  }

  it('answers every hostile request with less than 500', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, op } of operations) {
      const as = path.startsWith('/api/v1/operator') ? operator : { caller: seeded.lc, token: seeded.admin };
      const send = async (url: string, body?: string) => {
        const headers: Record<string, string> = { authorization: `Bearer ${as.token}` };
        if (as.caller.tenantCode) headers['x-tenant'] = as.caller.tenantCode;
        if (body !== undefined) headers['content-type'] = 'application/json';
        const res = await seeded.api.request(url, { method, headers, body });
        sent++;
        if (res.status >= 500)
          failures.push(`${res.status} ${method} ${url.slice(0, 120)} ${body?.slice(0, 80) ?? ''} → ${res.text.slice(0, 160)}`);
      };
      const urls = paths(path, op);
      for (const url of urls) await send(url, method === 'GET' || method === 'DELETE' ? undefined : '{}');
      if (op.requestBody) for (const body of bodies(op)) await send(urls[urls.length - 1], body);
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});
