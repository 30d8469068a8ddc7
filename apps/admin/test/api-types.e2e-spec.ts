import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestContext } from '@cong/testing';
import { ApiUnderTest } from '../../api/test/api-under-test';

/** The console's API client is typed from the API's own OpenAPI document (openapi-typescript). */
export const API_TYPES_FILE = join(__dirname, '../src/api/schema.d.ts');
const root = join(__dirname, '../../..');

/** The TypeScript types openapi-typescript writes for `document`. */
function typesOf(document: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'cong-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, JSON.stringify(document));
    execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), input, '-o', output, '--alphabetize'], {
      cwd: root,
      stdio: 'pipe',
    });
    return execFileSync(join(root, 'node_modules/.bin/prettier'), ['--stdin-filepath', API_TYPES_FILE], {
      cwd: root,
      input: readFileSync(output, 'utf8'),
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the console speaks the API it is served by (issue 17)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;

  beforeAll(async () => {
    ctx = await TestContext.create();
    api = await ApiUnderTest.start(ctx.config);
  });
  afterAll(async () => {
    await api?.close();
    await ctx?.close();
  });

  it('the committed client types are those of the OpenAPI document (`npm run admin:api` writes them)', async () => {
    const document = (await api.request('/docs/openapi.json')).body;
    const types = typesOf(document);
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(API_TYPES_FILE, types);
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(types);
  });
});
