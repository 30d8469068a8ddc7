import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TestContext } from '@cong/testing';
import { ApiUnderTest } from './api-under-test';

/** A console build as Vite lays it out: the page with its nonce placeholder, hashed assets. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cong-admin-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="vi"><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="/admin/assets/index-abc123.js"></script><div id="root"></div></html>',
  );
  writeFileSync(join(dir, 'assets/index-abc123.js'), `console.log(${JSON.stringify('Quản trị '.repeat(500))});`);
  writeFileSync(join(dir, '.build-stamp'), 'hash');
  return dir;
}

describe('the admin console served at /admin (issue 17)', () => {
  let ctx: TestContext;
  let api: ApiUnderTest;
  let unbuilt: ApiUnderTest;

  beforeAll(async () => {
    ctx = await TestContext.create({ ADMIN_DIST_DIR: fakeBuild() });
    api = await ApiUnderTest.start(ctx.config);
    const empty = await TestContext.create({ ADMIN_DIST_DIR: mkdtempSync(join(tmpdir(), 'cong-admin-none-')) });
    unbuilt = await ApiUnderTest.start(empty.config);
    await empty.close();
  });
  afterAll(async () => {
    await unbuilt?.close();
    await api?.close();
    await ctx?.close();
  });

  it('answers the page for /admin and every client route under it, never cached, with a fresh CSP nonce each time', async () => {
    const [first, second, deep] = await Promise.all(
      ['/admin', '/admin/', '/admin/noi-dung/8c6f3a52-0000-4000-8000-000000000000'].map((p) => api.request(p)),
    );
    for (const page of [first, second, deep]) {
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).not.toContain('__CSP_NONCE__');
    }
    const nonceOf = (r: typeof first) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(r.headers['content-security-policy']))![1];
    expect(first.text).toContain(`content="${nonceOf(first)}"`);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(first.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(first.headers['x-frame-options']).toBe('DENY');
  });

  it('serves hashed assets for a year, gzipped when asked, 304 on a matching ETag, and no hidden file', async () => {
    const plain = await api.request('/admin/assets/index-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.text).toContain('Quản trị');
    const zipped = await api.request('/admin/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.raw).toString('utf8')).toBe(plain.text);
    const again = await api.request('/admin/assets/index-abc123.js', { headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.status).toBe(304);
    expect((await api.request('/admin/assets/index-missing.js')).status).toBe(404);
    expect((await api.request('/admin/.build-stamp')).headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('says in Vietnamese how to build it when there is no build (503), and the API is unaffected', async () => {
    const page = await unbuilt.request('/admin');
    expect(page.status).toBe(503);
    expect(page.text).toContain('npm run admin:build');
    expect((await unbuilt.request('/health/live')).status).toBe(200);
  });
});
