import { errorCodes } from 'fastify';
import { isUtf8 } from 'node:buffer';
import secureJson from 'secure-json-parse';

/** What Fastify's parser would say; the problem filter recognises it by this message. */
export const BODY_NOT_UTF8_MESSAGE = 'Request body is not valid UTF-8';

export class BodyNotUtf8Error extends Error {
  readonly code = 'CONG_ERR_BODY_NOT_UTF8';
  readonly statusCode = 400;
  constructor() {
    super(BODY_NOT_UTF8_MESSAGE);
  }
}

/** Deepest nesting of arrays and objects accepted; no request of ours needs more than a few levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * A body the database could not store or the validators could not walk: nested past
 * MAX_JSON_DEPTH (the validation pipe would overflow its stack), or a string holding U+0000 or half
 * of a UTF-16 surrogate pair (PostgreSQL text refuses both).
 */
export class UnsafeJsonBodyError extends Error {
  readonly code = 'CONG_ERR_UNSAFE_JSON';
  readonly statusCode = 400;
  constructor(readonly reason: 'depth' | 'text') {
    super(
      reason === 'depth' ? `Request body is nested deeper than ${MAX_JSON_DEPTH} levels` : 'Request body holds U+0000 or a lone surrogate',
    );
  }
}

type Done = (error: Error | null, body?: unknown) => void;

/** How deep the JSON text nests, read without recursion (strings skipped). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

// U+0000, or a surrogate not paired with its other half. (The NUL is the point of the pattern.)
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string (or key) of a parsed body holds unsafe text; iterative, the depth is bounded. */
function holdsUnsafeText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (UNSAFE_TEXT.test(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (UNSAFE_TEXT.test(k)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * Fastify's JSON parser decodes bytes leniently (invalid UTF-8 becomes U+FFFD and goes on). Ours
 * refuses such a body with a 400, then parses as Fastify does (empty and malformed bodies keep
 * Fastify's own errors), and refuses bodies nested too deep or holding text PostgreSQL cannot
 * store. Register with `parseAs: 'buffer'` for `application/json`.
 */
export function strictJsonBody(_request: unknown, body: Buffer, done: Done): void {
  if (body.length === 0) return done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
  if (!isUtf8(body)) return done(new BodyNotUtf8Error());
  const text = body.toString('utf8');
  if (nestingDepth(text) > MAX_JSON_DEPTH) return done(new UnsafeJsonBodyError('depth'));
  let parsed: unknown;
  try {
    // Same as Fastify's: __proto__ and constructor.prototype keys are refused (prototype poisoning).
    parsed = secureJson.parse(text);
  } catch {
    return done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
  }
  if (holdsUnsafeText(parsed)) return done(new UnsafeJsonBodyError('text'));
  done(null, parsed);
}
