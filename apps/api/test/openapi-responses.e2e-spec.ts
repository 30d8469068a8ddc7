import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Notification } from '@cong/notifications';
import sharp from 'sharp';
import { Caller, invitedAccount, readyAccount } from './auth-session';
import { postedAt } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Issue 15.3: every route's 2xx answer is typed in the OpenAPI document (the admin console's
 * generated client is built from it), and the types are true: real answers of representative
 * routes validate against their schemas, with no property the schema does not list.
 */
type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
  parameters?: { name: string; in: string }[];
  security?: Record<string, string[]>[];
  'x-cong-no-tenant'?: boolean;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const REF = '#/components/schemas/';

/** A schema that says something: a reference, a type, or a composition. */
const meaningful = (s: Schema | undefined): boolean => !!s && ['$ref', 'type', 'oneOf', 'anyOf', 'allOf'].some((k) => k in s);

/** What is wrong with one operation's 2xx answers; empty when each is typed (or a 204). */
export function responseProblems(doc: Document, op: Operation): string[] {
  const problems: string[] = [];
  const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (ok.length === 0) problems.push('no 2xx response');
  for (const [status, response] of ok) {
    if (status === '204') {
      if (response.content && Object.keys(response.content).length) problems.push('204 with content');
      continue;
    }
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) problems.push(`${status} has no content`);
    for (const [type, media] of content) {
      const schema = media.schema;
      if (!meaningful(schema)) problems.push(`${status} ${type} has no schema`);
      else if (type.startsWith('application/json')) {
        const target = schema!.type === 'array' ? (schema!.items as Schema | undefined) : schema;
        if (!meaningful(target)) problems.push(`${status} ${type}: array of untyped items`);
        else if (target!.type === 'object' && !target!.properties && !target!.additionalProperties)
          problems.push(`${status} ${type}: an object with no properties`);
        const ref = target?.$ref as string | undefined;
        if (ref && !doc.components?.schemas?.[ref.slice(REF.length)]) problems.push(`${status} ${type}: ${ref} is not in the document`);
      }
    }
  }
  return problems;
}

/**
 * An OpenAPI 3.0 schema as JSON Schema for ajv: `nullable` becomes a null alternative, references
 * point into `definitions`, and every object with listed properties admits no others (an answer
 * carrying a column its schema does not name — a tenant id, a hash — fails).
 */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(REF, '#/definitions/');
    else if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value as Schema).map(([name, s]) => [name, jsonSchema(s)]));
    else if (key === 'example' || key === 'nullable' || (key === 'format' && value === 'binary')) continue;
    else out[key] = jsonSchema(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if ((node as Schema).nullable !== true) return out;
  if (typeof out.type === 'string' && !out.allOf && !out.oneOf) {
    return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
  }
  return { anyOf: [out, { type: 'null' }] };
}

describe('OpenAPI responses (issue 15.3): every route declares what it answers, and says it truly', () => {
  jest.setTimeout(120_000);
  let seeded: SeededApi;
  let doc: Document;
  let ajv: Ajv;
  let operator: string;
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    seeded = await seededApi();
    operator = (await readyAccount(seeded.ctx, new Caller(seeded.api, null), 'openapi.operator', null)).accessToken;
    doc = (await seeded.api.request('/docs/openapi.json')).body;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ definitions: jsonSchema(doc.components?.schemas ?? {}) }, 'openapi');
  });
  afterAll(() => seeded?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => METHODS.has(m))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );

  it('gives every 2xx answer of every route a schema (JSON, a documented file type, or 204), listing the offenders', () => {
    const offenders = operations().flatMap(({ method, path, op }) => responseProblems(doc, op).map((p) => `${method} ${path}: ${p}`));
    expect(operations().length).toBeGreaterThan(90);
    expect(offenders).toEqual([]);
  });

  it('/docs can call any route: the bearer scheme is declared and named by every secured operation', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const secured = operations().filter(({ op }) => op.security);
    expect(secured.length).toBeGreaterThan(60);
    const unnamed = secured.filter(({ op }) => !op.security!.some((s) => 'bearer' in s)).map(({ method, path }) => `${method} ${path}`);
    expect(unnamed).toEqual([]);
  });

  it("every province's operation takes the X-Tenant header exactly once; the national operators' and the no-province ones take none", () => {
    const tenantHeaders = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'header' && p.name.toLowerCase() === 'x-tenant');
    const api = operations().filter(({ path }) => path === '/api/v1' || path.startsWith('/api/v1/'));
    const operatorOps = api.filter(({ path }) => path.startsWith('/api/v1/operator/'));
    const noProvince = api.filter(({ path, op }) => !path.startsWith('/api/v1/operator/') && op['x-cong-no-tenant']);
    const province = api.filter(({ path, op }) => !path.startsWith('/api/v1/operator/') && !op['x-cong-no-tenant']);
    expect(operatorOps.length).toBeGreaterThan(5);
    expect(province.length).toBeGreaterThan(70);
    expect(province.filter(({ op }) => tenantHeaders(op).length !== 1).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    expect(operatorOps.filter(({ op }) => tenantHeaders(op).length > 0).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    // Outside /operator only the index, the development list of provinces and a preview's page and
    // files (the preview's key names its province; a frame sends no header) serve no province.
    expect(noProvince.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'GET /api/v1',
      'GET /api/v1/content/previews/{token}',
      'GET /api/v1/content/previews/{token}/media/{id}',
      'GET /api/v1/tenants/directory',
    ]);
    expect(noProvince.every(({ op }) => tenantHeaders(op).length === 0)).toBe(true);
    // The public read API (written by hand) included, e.g.:
    expect(tenantHeaders(doc.paths['/api/v1/public/sites'].get)).toHaveLength(1);
  });

  it('every reference in the document names a schema it holds', () => {
    const refs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.add(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect([...refs].filter((r) => !r.startsWith(REF) || !doc.components?.schemas?.[r.slice(REF.length)])).toEqual([]);
  });

  it('the check itself finds an untyped answer, an untyped array and a missing model', () => {
    expect(responseProblems(doc, { responses: { 200: {} } })).toEqual(['200 has no content']);
    expect(
      responseProblems(doc, { responses: { 200: { content: { 'application/json': { schema: { type: 'array', items: {} } } } } } }),
    ).toEqual(['200 application/json: array of untyped items']);
    expect(responseProblems(doc, { responses: { 201: { content: { 'application/json': { schema: { $ref: `${REF}Nope` } } } } } })).toEqual([
      `201 application/json: ${REF}Nope is not in the document`,
    ]);
    expect(responseProblems(doc, { responses: { 204: {} } })).toEqual([]);
  });

  /** The answer's body, validated against the schema the document gives for its status (JSON). */
  function expectValid(method: string, path: string, res: { status: number; body: unknown; text: string }) {
    expect([200, 201]).toContain(res.status);
    const template = Object.keys(doc.paths).find((p) =>
      new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(path.split('?')[0]),
    );
    expect(template).toBeDefined();
    const schema = doc.paths[template!][method.toLowerCase()]?.responses?.[String(res.status)]?.content?.['application/json']?.schema;
    expect(schema).toBeDefined();
    const key = `${method} ${template} ${res.status}`;
    let validate = validators.get(key);
    if (!validate) {
      // References resolve in the schema registered as `openapi`.
      const rooted = JSON.parse(JSON.stringify(jsonSchema(schema)).replace(/"#\/definitions\//g, '"openapi#/definitions/'));
      validate = ajv.compile(rooted);
      validators.set(key, validate);
    }
    const valid = validate(res.body);
    if (!valid)
      throw new Error(
        `${key} does not match its schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${res.text.slice(0, 2000)}`,
      );
  }

  it('representative answers validate against their schemas: content, revisions, workflow, queue, notifications, media', async () => {
    const { lc, admin, laoCaiId } = seeded;
    // A unit's editor: the one who submits its items.
    const editor = await invitedAccount(lc, admin, 'bientap.openapi', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    const send = (method: string, path: string, body?: unknown) => lc.send(method, `/api/v1${path}`, body, editor);
    const check = async (method: string, path: string, body?: unknown) => {
      const res = await send(method, path, body);
      expectValid(method, `/api/v1${path}`, res);
      return res.body;
    };

    const item = await check('POST', '/content', {
      site: 'so-y-te',
      type: 'news',
      title: 'Sở Y tế tiêm chủng mở rộng',
      summary: 'Tóm tắt',
      body: '<p>Nội dung</p>',
    });
    await check('PUT', `/content/${item.id}`, { expectedRevision: 1, title: 'Sở Y tế tiêm chủng mở rộng đợt 2' });
    await check('GET', `/content/${item.id}`);
    await check('GET', '/content?limit=5');
    const types = await check('GET', '/content/types');
    expect(
      types.find((t: { type: string }) => t.type === 'procedure').fields.find((f: { name: string }) => f.name === 'steps').entry,
    ).toBeDefined();
    const revisions = await check('GET', `/content/${item.id}/revisions`);
    expect(revisions[0]).not.toHaveProperty('tenantId');
    expect(await check('GET', `/content/${item.id}/revisions/1`)).toMatchObject({ revision: 1, itemId: item.id });
    expect(await check('GET', `/content/${item.id}/diff?from=1&to=2`)).toEqual([
      expect.objectContaining({ kind: 'changed', path: 'title' }),
    ]);

    const workflow = await check('GET', `/content/${item.id}/workflow`);
    expect(workflow.actions.map((a: { action: string }) => a.action)).toContain('schedule'); // a Lào Cai sub-site's item
    const scheduled = await check('POST', `/content/${item.id}/transitions`, {
      action: 'schedule',
      version: workflow.version,
      publishAt: '2030-01-02T08:00',
    });
    expect(scheduled.publishAt).toBe('2030-01-02T01:00:00.000Z');
    await check('PUT', `/content/${item.id}/schedule`, {
      version: scheduled.version,
      publishAt: '2030-01-03T08:00',
      unpublishAt: '2030-02-03T08:00',
    });
    const history = await check('GET', `/content/${item.id}/transitions`);
    expect(history.length).toBe(2);
    expect(history[0]).not.toHaveProperty('tenantId');
    expect((await check('GET', '/workflow/queue')).items.map((i: { id: string }) => i.id)).toContain(item.id);

    const me = (await send('GET', '/auth/me')).body;
    await seeded.ctx.db.transaction(laoCaiId, (m) =>
      m.getRepository(Notification).save({
        tenantId: laoCaiId,
        userId: me.id ?? me.userId,
        kind: 'workflow.submitted',
        title: 'Có tin chờ duyệt',
        body: '',
        subjectType: 'content_item',
        subjectId: item.id,
      }),
    );
    const inbox = await check('GET', '/notifications');
    expect(inbox.items.length).toBeGreaterThan(0);
    expect(inbox.items[0]).not.toHaveProperty('tenantId');
    expect(inbox.items[0]).not.toHaveProperty('userId');

    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#2e86c1' } })
      .png()
      .toBuffer();
    const boundary = `----cong${Date.now()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const uploaded = await seeded.api.request('/api/v1/media', {
      method: 'POST',
      headers: { 'x-tenant': 'lao-cai', authorization: `Bearer ${editor}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([head, png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expectValid('POST', '/api/v1/media', uploaded);
    expect(uploaded.body).not.toHaveProperty('storageKey');
    await check('GET', `/media/${uploaded.body.id}`);
  });

  it('representative answers validate against their schemas: compliance, reports, operators, the public read API, health', async () => {
    const { lc, na, admin, naAdmin, laoCaiId } = seeded;
    // Published last week (a dated fact, publishing.ts): the compliance answers have something to count.
    await postedAt(lc, seeded.ctx.db, laoCaiId, admin, 'so-y-te', '2026-11-16T09:00');
    const check = async (caller: Caller, token: string, method: string, path: string, body?: unknown) => {
      const res = await caller.send(method, path, body, token);
      expectValid(method, path, res);
      return res.body;
    };

    await check(lc, admin, 'GET', '/api/v1/compliance/progress?asOf=2026-11-20');
    await check(lc, admin, 'GET', '/api/v1/compliance/results?period=week&date=2026-11-18');
    const closed = await check(lc, admin, 'POST', '/api/v1/compliance/snapshots', { period: 'week', date: '2026-11-18' });
    expect(closed).not.toHaveProperty('tenantId');
    await check(lc, admin, 'POST', '/api/v1/compliance/snapshots', { period: 'week', date: '2026-11-18' }); // again: 200, the same
    await check(lc, admin, 'GET', '/api/v1/compliance/snapshots?period=week&from=2026-11-01');
    await check(lc, admin, 'GET', '/api/v1/compliance/reports/monthly-compliance?date=2026-11-01');
    await check(lc, admin, 'GET', '/api/v1/compliance/emulation?period=month&date=2026-11-01');
    await check(lc, admin, 'GET', '/api/v1/compliance/royalties?month=2026-11');
    await check(lc, admin, 'GET', '/api/v1/compliance/reports?status=all&asOf=2026-12-20');
    await check(na, naAdmin, 'GET', '/api/v1/compliance/volume-statements/draft?date=2026-08-15');
    const certified = await check(na, naAdmin, 'POST', '/api/v1/compliance/volume-statements', { date: '2026-08-15' });
    expect(certified).not.toHaveProperty('tenantId');
    await check(na, naAdmin, 'GET', '/api/v1/compliance/volume-statements?from=2026-07-01&to=2026-10-01');
    await check(new Caller(seeded.api, null), operator, 'GET', '/api/v1/operator/compliance/compare?period=week&date=2026-11-18');

    // The public read API (its OpenAPI entries are written by hand).
    const pub = new Caller(seeded.api, 'lao-cai');
    await check(pub, '', 'GET', '/api/v1/public/sites');
    await check(pub, '', 'GET', '/api/v1/public/sites/so-y-te');
    const list = await check(pub, '', 'GET', '/api/v1/public/sites/so-y-te/items?limit=5');
    expect(list.items.length).toBeGreaterThan(0);
    await check(pub, '', 'GET', `/api/v1/public/sites/so-y-te/items/${list.items[0].slug}`);
    await check(pub, '', 'GET', '/api/v1/public/search?q=tin%20dang');

    // Health and the index (no province).
    expectValid('GET', '/health/live', await seeded.api.request('/health/live'));
    expectValid('GET', '/health/ready', await seeded.api.request('/health/ready'));
    expectValid('GET', '/api/v1', await seeded.api.request('/api/v1'));
    expectValid('GET', '/api/v1/tenants/directory', await seeded.api.request('/api/v1/tenants/directory'));
    await check(lc, admin, 'GET', '/api/v1/tenant');
  });

  it('representative answers validate against their schemas: accounts, users, units, sites, audit, operator rules', async () => {
    const { lc, admin } = seeded;
    const platform = new Caller(seeded.api, null);
    const paths = [
      '/api/v1/auth/me',
      '/api/v1/auth/sessions',
      '/api/v1/users',
      '/api/v1/units',
      '/api/v1/units/so-y-te',
      '/api/v1/units/so-y-te/team',
      '/api/v1/sites',
      '/api/v1/sites/portal',
      '/api/v1/audit?limit=20',
    ];
    for (const path of paths) expectValid('GET', path, await lc.send('GET', path, undefined, admin));
    const operatorPaths = [
      '/api/v1/operator/auth/me',
      '/api/v1/operator/tenants',
      '/api/v1/operator/tenants/lao-cai/rules',
      '/api/v1/operator/tenants/lao-cai/rules/versions',
      '/api/v1/operator/audit?limit=20',
    ];
    for (const path of operatorPaths) expectValid('GET', path, await platform.send('GET', path, undefined, operator));
  });

  it('file answers are typed by their content types: CSV and XLSX reports, feeds, sitemaps, media files', () => {
    const types = (method: string, path: string, status = '200') => Object.keys(doc.paths[path][method].responses?.[status]?.content ?? {});
    expect(types('get', '/api/v1/compliance/reports/{report}')).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(types('get', '/api/v1/compliance/royalties')).toContain('text/csv');
    expect(types('get', '/api/v1/public/sites/{site}/feed.rss')).toEqual(['application/rss+xml']);
    expect(types('get', '/api/v1/public/sites/{site}/feed.atom')).toEqual(['application/atom+xml']);
    expect(types('get', '/api/v1/public/sites/{site}/sitemap.xml')).toEqual(['application/xml']);
    expect(types('get', '/api/v1/media/{id}/file')).toEqual(expect.arrayContaining(['image/webp', 'application/pdf']));
    expect(types('get', '/')).toEqual(['application/json', 'text/html']);
  });
});
