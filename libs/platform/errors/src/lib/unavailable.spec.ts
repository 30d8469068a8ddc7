import { isDependencyUnavailable, problemHeaders, RETRY_AFTER_SECONDS } from './unavailable';

/** Shapes as node-postgres, TypeORM and Node's sockets produce them (issue 14, point 10). */
describe('isDependencyUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('recognises an unreachable server: refused, reset, timed out, unknown host', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'])
      expect(isDependencyUnavailable(withCode(code))).toBe(true);
  });

  it("recognises node-postgres's own timeouts and dropped connections, which carry no code", () => {
    for (const message of [
      'timeout exceeded when trying to connect',
      'Connection terminated due to connection timeout',
      'Connection terminated unexpectedly',
      'Query read timeout',
    ]) {
      expect(isDependencyUnavailable(new Error(message))).toBe(true);
    }
  });

  it('recognises Postgres saying "not now": connection exceptions, shutdown, start-up, too many connections, statement timeout', () => {
    for (const code of ['08006', '08001', '57P01', '57P03', '53300', '57014']) expect(isDependencyUnavailable(withCode(code))).toBe(true);
  });

  it("looks inside TypeORM's QueryFailedError, `cause` and AggregateError", () => {
    expect(isDependencyUnavailable(Object.assign(new Error('query failed'), { driverError: withCode('57P01') }))).toBe(true);
    expect(isDependencyUnavailable(new Error('wrapped', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDependencyUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'both addresses'))).toBe(true);
  });

  it('leaves bugs and refusals of the data alone: they stay a 500 or their own status', () => {
    for (const error of [
      new TypeError('x is undefined'),
      withCode('23505', 'duplicate key'),
      withCode('42P01', 'relation does not exist'),
      withCode('22P02'),
      'ECONNREFUSED',
      null,
      undefined,
    ]) {
      expect(isDependencyUnavailable(error)).toBe(false);
    }
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDependencyUnavailable(loop)).toBe(false);
  });
});

describe('problemHeaders', () => {
  it('asks a client to come back later on a 503 only', () => {
    expect(problemHeaders({ status: 503 })).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS) });
    expect(problemHeaders({ status: 500 })).toEqual({});
    expect(problemHeaders({ status: 404 })).toEqual({});
  });
});
