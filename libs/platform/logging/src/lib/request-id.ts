import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id of an HTTP request: the caller's `X-Request-Id` when it is sane (so a proxy's id follows
 * the request through our logs), else a new UUID. Stored on the raw request so the HTTP logger and
 * the framework report the same id.
 */
export function assignRequestId(req: IncomingMessage): string {
  const raw = req as IncomingMessage & { id?: unknown };
  if (typeof raw.id === 'string' && raw.id) return raw.id;
  const header = req.headers['x-request-id'];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = candidate && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
  raw.id = id;
  return id;
}
