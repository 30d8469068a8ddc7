import { Problem } from './problem';

/** What a 503 asks a client to wait before trying again (seconds): an outage is rarely shorter. */
export const RETRY_AFTER_SECONDS = 15;

/** Socket errors of a dependency that cannot be reached (refused, reset, unreachable, timed out, unknown host). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * Postgres SQLSTATEs that say "not now" rather than "wrong": class 08 (connection exception),
 * 57P01–57P03 (shutting down, crashed, starting up), 53300 (too many connections) and 57014
 * (cancelled: the statement timeout of the public pool).
 */
const SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300|57014)$/;
/** node-postgres reports its own timeouts and dropped connections by message only. */
const DRIVER_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
];

/**
 * Whether an error means a dependency (PostgreSQL, a socket) cannot be reached, as opposed to a bug:
 * such failures are answered 503 with Retry-After, and the public read path may serve a stale copy.
 * Looks through the wrappers the drivers use (TypeORM's `driverError`, `cause`, AggregateError).
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => m.test(e.message as string))) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => i !== error && isDependencyUnavailable(i, depth + 1));
}

/** Headers a problem answer carries besides its content type: Retry-After on a 503. */
export function problemHeaders(problem: Pick<Problem, 'status'>): Record<string, string> {
  return problem.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
}
