import { request } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body's bytes, for binary responses. */
  raw: Buffer;
  /** The parsed body when it is JSON (including problem+json). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A real HTTP request over a socket. Unlike fetch, it lets a test set the Host header, which is how
 * a province's portal is addressed.
 */
export function httpRequest(url: string, req: HttpRequest = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: req.method ?? 'GET', headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = raw.toString('utf8');
        let body: unknown = undefined;
        if (/json/.test(String(res.headers['content-type'] ?? ''))) {
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, raw, body });
      });
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
