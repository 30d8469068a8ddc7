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

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Fastify's JSON parser decodes bytes leniently (invalid UTF-8 becomes U+FFFD and goes on). Ours
 * refuses such a body with a 400, then parses as Fastify does (empty and malformed bodies keep
 * Fastify's own errors). Register with `parseAs: 'buffer'` for `application/json`.
 */
export function strictJsonBody(_request: unknown, body: Buffer, done: Done): void {
  if (body.length === 0) return done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
  if (!isUtf8(body)) return done(new BodyNotUtf8Error());
  try {
    // Same as Fastify's: __proto__ and constructor.prototype keys are refused (prototype poisoning).
    done(null, secureJson.parse(body.toString('utf8')));
  } catch {
    done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
  }
}
