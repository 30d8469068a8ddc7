import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { DomainError, ErrorKind } from './domain-error';
import { UnsafeJsonBodyError } from './json-body';
import { PROBLEM_CONTENT_TYPE, STATUS_BY_KIND } from './problem';
import { ProblemDetailsFilter } from './problem-details.filter';

/** A reply that records what was sent, as Fastify's would. */
function reply() {
  const sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = { headers: {} };
  const r = {
    status: (code: number) => ((sent.status = code), r),
    header: (name: string, value: string) => ((sent.headers[name.toLowerCase()] = value), r),
    send: (body: unknown) => ((sent.body = body as Record<string, unknown>), r),
  };
  return { r, sent };
}

const request = { id: 'req-42', url: '/api/v1/items?x=1', method: 'POST', ip: '203.0.113.5', headers: {} };

describe('ProblemDetailsFilter: every error as RFC 9457 problem+json', () => {
  const filter = new ProblemDetailsFilter();

  it.each<[ErrorKind, number]>([
    ['bad_request', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['gone', 410],
    ['payload_too_large', 413],
    ['unsupported_media_type', 415],
    ['validation', 422],
    ['locked', 423],
    ['too_many_requests', 429],
    ['unavailable', 503],
  ])('a DomainError of kind %s is answered %i', (kind, status) => {
    expect(STATUS_BY_KIND[kind]).toBe(status);
    expect(filter.toProblem(new DomainError('LIB_SOMETHING', kind, 'Thông điệp.')).status).toBe(status);
  });

  it('the body carries type, title, status, detail, code, the field errors, the instance and the request id', () => {
    const { r, sent } = reply();
    const fields = [{ field: 'steps[2].title', message: 'Trường "steps[2].title" là bắt buộc.' }];
    filter.reply(new DomainError('CONTENT_ITEM_INVALID_STEP', 'validation', 'Bước không hợp lệ.', fields), request, r);
    expect(sent.status).toBe(422);
    expect(sent.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    expect(sent.body).toEqual({
      type: 'urn:cong:problem:content-item-invalid-step',
      title: 'Dữ liệu không hợp lệ',
      status: 422,
      detail: 'Bước không hợp lệ.',
      code: 'CONTENT_ITEM_INVALID_STEP',
      errors: fields,
      instance: '/api/v1/items?x=1',
      requestId: 'req-42',
    });
  });

  it('leaves `errors` out when there are no field errors', () => {
    expect(filter.toProblem(new DomainError('X_GONE', 'not_found', 'Không có.'))).not.toHaveProperty('errors');
  });

  it('an unknown error is a generic 500 that reveals nothing of it', () => {
    const { r, sent } = reply();
    filter.reply(new Error('password=hunter2 at db.internal:5432'), request, r);
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ code: 'PLATFORM_INTERNAL', title: 'Lỗi hệ thống', requestId: 'req-42' });
    expect(JSON.stringify(sent.body)).not.toMatch(/hunter2|db\.internal/);
  });

  it('a dependency that cannot be reached is a 503 with Retry-After', () => {
    const { r, sent } = reply();
    filter.reply(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), request, r);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('15');
    expect(sent.body).toMatchObject({ code: 'PLATFORM_UNAVAILABLE' });
  });

  it('Fastify’s body errors keep their meaning: malformed JSON 400, wrong content type 415, too large 413, empty 400', () => {
    expect(filter.toProblem(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY())).toMatchObject({
      status: 400,
      code: 'PLATFORM_MALFORMED_JSON',
    });
    expect(filter.toProblem(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE())).toMatchObject({
      status: 415,
      code: 'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
    });
    expect(filter.toProblem(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE())).toMatchObject({ status: 413, code: 'PLATFORM_BODY_TOO_LARGE' });
    expect(filter.toProblem(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY())).toMatchObject({ status: 400, code: 'PLATFORM_EMPTY_BODY' });
  });

  it('recognises Fastify’s errors even when Nest wrapped them in a plain HttpException', () => {
    const wrapped = new HttpException(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/plain').message, 415);
    expect(filter.toProblem(wrapped)).toMatchObject({ status: 415, code: 'PLATFORM_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('unsafe JSON bodies are 400s naming why', () => {
    expect(filter.toProblem(new UnsafeJsonBodyError('depth'))).toMatchObject({ status: 400, code: 'PLATFORM_BODY_TOO_DEEP' });
    expect(filter.toProblem(new UnsafeJsonBodyError('text'))).toMatchObject({ status: 400, code: 'PLATFORM_BODY_UNSAFE_TEXT' });
  });

  it('Nest’s own 4xx exceptions keep their status with a platform code; an unknown route names the request', () => {
    expect(filter.toProblem(new BadRequestException('x'))).toMatchObject({ status: 400, code: 'PLATFORM_BAD_REQUEST' });
    expect(filter.toProblem(new NotFoundException(), { method: 'GET', url: '/api/v1/nothing' })).toMatchObject({
      status: 404,
      code: 'PLATFORM_NOT_FOUND',
      detail: 'Không có tài nguyên nào tại GET /api/v1/nothing.',
    });
    // A 5xx HttpException is no excuse to reveal anything: a generic 500.
    expect(filter.toProblem(new HttpException('internal detail', 502))).toMatchObject({ status: 500, code: 'PLATFORM_INTERNAL' });
  });

  it('tells refusal listeners of 4xx answers only, and sends nothing when the reply already went', () => {
    const told: string[] = [];
    const listening = new ProblemDetailsFilter();
    listening.onRefusal((req, problem) => told.push(`${req.url} ${problem.code}`));
    listening.reply(new DomainError('A_FORBIDDEN', 'forbidden', 'Không.'), request, reply().r);
    listening.reply(new Error('boom'), request, reply().r);
    expect(told).toEqual(['/api/v1/items?x=1 A_FORBIDDEN']);

    const { r, sent } = reply();
    listening.reply(new DomainError('A_FORBIDDEN', 'forbidden', 'Không.'), request, Object.assign(r, { sent: true }));
    expect(sent.status).toBeUndefined();
  });
});
