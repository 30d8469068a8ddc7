import { errorCodes } from 'fastify';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';
import { BODY_NOT_UTF8_MESSAGE, MAX_JSON_DEPTH, UnsafeJsonBodyError } from './json-body';
import { Problem, PROBLEM_CONTENT_TYPE, problemType, STATUS_BY_KIND, TITLE_BY_STATUS } from './problem';
import { isDependencyUnavailable, problemHeaders } from './unavailable';

export interface HttpRequestLike {
  id?: string;
  url?: string;
  method?: string;
  ip?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/** See ProblemDetailsFilter.onRefusal. */
export type RefusalListener = (request: HttpRequestLike, problem: Problem) => void;
interface HttpReplyLike {
  status(code: number): HttpReplyLike;
  header(name: string, value: string): HttpReplyLike;
  send(body: unknown): unknown;
  sent?: boolean;
}

/** Errors Fastify raises before a handler runs (body parsing, limits), by their `code`. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
    detail: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PLATFORM_BODY_TOO_LARGE', detail: 'Dữ liệu gửi lên vượt quá giới hạn cho phép.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'PLATFORM_EMPTY_BODY', detail: 'Thân yêu cầu JSON bị trống.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'PLATFORM_BAD_CONTENT_LENGTH',
    detail: 'Content-Length không khớp với dữ liệu gửi lên.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'PLATFORM_MALFORMED_JSON', detail: 'Thân yêu cầu không phải JSON hợp lệ.' },
  CONG_ERR_BODY_NOT_UTF8: { status: 400, code: 'PLATFORM_BODY_NOT_UTF8', detail: 'Thân yêu cầu không phải văn bản UTF-8 hợp lệ.' },
  // Raised by Fastify's router, before any route (see `frameworkErrors` in create-api-app).
  FST_ERR_BAD_URL: { status: 400, code: 'PLATFORM_MALFORMED_URL', detail: 'Địa chỉ yêu cầu có mã hóa phần trăm (%) không hợp lệ.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'PLATFORM_URI_TOO_LONG',
    detail: 'Một phần của địa chỉ yêu cầu dài quá giới hạn cho phép.',
  },
};

/** During an outage every request fails the same way: one warning this often is enough. */
const UNAVAILABLE_LOG_EVERY_MS = 10_000;

/**
 * The one place errors become HTTP: RFC 9457 problem+json with a stable `code`, the request id and,
 * for validation, the fields at fault. A dependency that cannot be reached (PostgreSQL down, a
 * connection timing out) is a 503 with Retry-After: no bug, and the client should come back.
 * Unknown errors are logged with context and answered with a generic 500 that reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');
  private lastUnavailableLog = 0;

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.reply(error, http.getRequest<HttpRequestLike>(), http.getResponse<HttpReplyLike>());
  }

  private readonly refusalListeners: RefusalListener[] = [];

  /**
   * Told of every answered 4xx with the request it refused (told, not awaited: the answer does not
   * wait). Features that must record some refusals (a malformed sign-in is a failed sign-in) listen
   * here, since a body refused before any route runs reaches no route's own code.
   */
  onRefusal(listener: RefusalListener): void {
    this.refusalListeners.push(listener);
  }

  /** Answers with the problem for `error`; also what Fastify's router calls for its own errors. */
  reply(error: unknown, request: HttpRequestLike | undefined, reply: HttpReplyLike): void {
    const problem = { ...this.toProblem(error, request), instance: request?.url, requestId: request?.id };
    if (problem.status < 500 && request) for (const listener of this.refusalListeners) listener(request, problem);
    if (reply.sent) return;
    for (const [name, value] of Object.entries(problemHeaders(problem))) reply.header(name, value);
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(error: unknown, request?: HttpRequestLike): Problem {
    if (error instanceof UnsafeJsonBodyError) {
      return error.reason === 'depth'
        ? make(400, 'PLATFORM_BODY_TOO_DEEP', `Thân yêu cầu JSON lồng nhau quá ${MAX_JSON_DEPTH} cấp.`)
        : make(
            400,
            'PLATFORM_BODY_UNSAFE_TEXT',
            'Thân yêu cầu chứa ký tự không hợp lệ (ký tự NUL U+0000 hoặc một nửa cặp thay thế UTF-16).',
          );
    }
    if (error instanceof DomainError) {
      const status = STATUS_BY_KIND[error.kind];
      return make(status, error.code, error.message, error.fields);
    }
    const framework = frameworkError(error);
    if (framework) return make(framework.status, framework.code, framework.detail);
    if (error instanceof SyntaxError && 'body' in error) {
      return make(400, 'PLATFORM_MALFORMED_JSON', 'Thân yêu cầu không phải JSON hợp lệ.');
    }
    if (error instanceof HttpException) {
      const wrapped = wrappedFrameworkError(error);
      if (wrapped) return make(wrapped.status, wrapped.code, wrapped.detail);
      const status = error.getStatus();
      if (status < 500) return make(status, httpCode(status), httpDetail(status, request));
    }
    if (isDependencyUnavailable(error)) {
      if (Date.now() - this.lastUnavailableLog > UNAVAILABLE_LOG_EVERY_MS) {
        this.lastUnavailableLog = Date.now();
        this.logger.warn(
          { err: (error as Error).message, method: request?.method, url: request?.url, requestId: request?.id },
          'A dependency cannot be reached; answering 503',
        );
      }
      return make(503, 'PLATFORM_UNAVAILABLE', 'Hệ thống tạm thời không truy cập được dữ liệu. Vui lòng thử lại sau ít phút.');
    }
    this.logger.error({ err: error, method: request?.method, url: request?.url, requestId: request?.id }, 'Unhandled error');
    return make(500, 'PLATFORM_INTERNAL', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên với mã yêu cầu.');
  }
}

function make(status: number, code: string, detail: string, errors?: FieldProblem[]): Problem {
  return {
    type: problemType(code),
    title: TITLE_BY_STATUS[status] ?? TITLE_BY_STATUS[status >= 500 ? 500 : 400],
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/**
 * Nest's router wraps Fastify's errors in a plain HttpException(message, status), dropping their
 * code; the message (Fastify's text, then any arguments) still tells which one it was.
 */
const FRAMEWORK_MESSAGES: [string, string][] = [
  ...Object.keys(FRAMEWORK_ERRORS).flatMap((code) => {
    const FastifyError = (errorCodes as Record<string, new () => Error>)[code];
    return FastifyError ? [[new FastifyError().message, code] as [string, string]] : [];
  }),
  [BODY_NOT_UTF8_MESSAGE, 'CONG_ERR_BODY_NOT_UTF8'],
];

function wrappedFrameworkError(error: HttpException) {
  const response = error.getResponse();
  if (typeof response !== 'string') return undefined;
  const match = FRAMEWORK_MESSAGES.find(([message]) => response.startsWith(message));
  return match ? FRAMEWORK_ERRORS[match[1]] : undefined;
}

function frameworkError(error: unknown) {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code && FRAMEWORK_ERRORS[code]) return FRAMEWORK_ERRORS[code];
  if (code?.startsWith('FST_') && statusCode && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: httpCode(statusCode), detail: TITLE_BY_STATUS[statusCode] ?? 'Yêu cầu không hợp lệ.' };
  }
  return undefined;
}

function httpCode(status: number): string {
  const names: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    406: 'NOT_ACCEPTABLE',
    409: 'CONFLICT',
    413: 'BODY_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'TOO_MANY_REQUESTS',
  };
  return `PLATFORM_${names[status] ?? `HTTP_${status}`}`;
}

function httpDetail(status: number, request?: HttpRequestLike): string {
  if (status === 404) return `Không có tài nguyên nào tại ${request?.method ?? ''} ${request?.url ?? ''}`.trim() + '.';
  return TITLE_BY_STATUS[status] ? `${TITLE_BY_STATUS[status]}.` : 'Yêu cầu không hợp lệ.';
}
