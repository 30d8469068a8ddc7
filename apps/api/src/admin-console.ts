import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the console's routes need of Fastify (the adapter bundles its own copy of its types). */
interface ConsoleRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ConsoleReply {
  code(status: number): ConsoleReply;
  header(name: string, value: string): ConsoleReply;
  send(body: string | Buffer): unknown;
}
interface Router {
  get(path: string, handler: (request: ConsoleRequest, reply: ConsoleReply) => unknown): unknown;
}

export const ADMIN_PATH = '/admin';
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

interface Asset {
  body: Buffer;
  compressible: boolean;
  /** The same bytes gzipped, made at the first request that accepts them (a megabyte of antd compresses to a third). */
  gzipped?: Buffer;
  type: string;
  etag: string;
}

const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);

/**
 * The admin console's page: scripts and styles of this origin only, antd's and TipTap's style
 * elements by the nonce of this answer, images of this origin, uploads previewed from blob: URLs,
 * and requests to this API alone.
 */
const consolePolicy = (nonce: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

const UNBUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trang quản trị chưa sẵn sàng</title>
<h1>Trang quản trị chưa được dựng</h1><p>Chạy <code>npm run admin:build</code> (hoặc <code>npm run platform</code>, lệnh tự dựng) rồi tải lại trang.</p></html>`;

/**
 * The admin console (apps/admin, built by Vite into ADMIN_DIST_DIR) at /admin of the API's origin:
 * every province's console on its own domain, so the API it calls is of the same origin. Hashed
 * assets are cached for a year; the page itself never (it names the assets of the build in force),
 * and every answer of it carries a fresh CSP nonce. Any path under /admin that is not an asset is
 * the page: the console routes in the browser.
 */
export class AdminConsole {
  private readonly page?: string;
  private readonly assets = new Map<string, Asset>();

  constructor(distDir: string) {
    const dir = resolve(distDir);
    const index = join(dir, 'index.html');
    if (!existsSync(index)) return;
    this.page = readFileSync(index, 'utf8');
    const walk = (folder: string, prefix: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
        else if (name !== 'index.html' && !name.startsWith('.')) {
          const body = readFileSync(path);
          const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
          this.assets.set(`${ADMIN_PATH}/${prefix}${name}`, {
            body,
            compressible: COMPRESSIBLE.has(extname(name)),
            type: TYPES[extname(name)] ?? 'application/octet-stream',
            etag,
          });
        }
      }
    };
    walk(dir, '');
  }

  get built(): boolean {
    return this.page !== undefined;
  }

  register(router: Router): void {
    const answer = (request: ConsoleRequest, reply: ConsoleReply) => this.answer(request, reply);
    // (Fastify answers HEAD for each GET route.)
    for (const path of [ADMIN_PATH, `${ADMIN_PATH}/*`]) router.get(path, answer);
  }

  private answer(request: ConsoleRequest, reply: ConsoleReply): unknown {
    const path = request.url.split('?', 1)[0];
    const asset = this.assets.get(path);
    if (asset) {
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag).header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send('');
      reply.header('content-type', asset.type);
      const accepts = String(request.headers['accept-encoding'] ?? '');
      if (asset.compressible && /\bgzip\b/.test(accepts)) {
        asset.gzipped ??= gzipSync(asset.body, { level: 9 });
        return reply.header('content-encoding', 'gzip').send(asset.gzipped);
      }
      return reply.send(asset.body);
    }
    if (path.startsWith(`${ADMIN_PATH}/assets/`))
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Không có tệp này.');
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!this.page) return reply.code(503).send(UNBUILT);
    const nonce = randomBytes(16).toString('base64');
    reply.header('content-security-policy', consolePolicy(nonce));
    return reply.send(this.page.replaceAll(NONCE_PLACEHOLDER, nonce));
  }
}
