import { BodyNotUtf8Error, MAX_JSON_DEPTH, strictJsonBody, UnsafeJsonBodyError } from './json-body';

function parse(body: Buffer | string): { error: Error | null; value?: unknown } {
  let result: { error: Error | null; value?: unknown } | undefined;
  strictJsonBody(undefined, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), (error, value) => (result = { error, value }));
  if (!result) throw new Error('done was not called');
  return result;
}
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('strict JSON bodies', () => {
  it('parses an ordinary body, Vietnamese text and emoji included', () => {
    expect(parse('{"title":"Thông báo 🎉","n":[1,{"a":null}]}')).toEqual({
      error: null,
      value: { title: 'Thông báo 🎉', n: [1, { a: null }] },
    });
  });

  it(`accepts nesting up to ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    expect(parse(nested(MAX_JSON_DEPTH)).error).toBeNull();
    const deep = parse(nested(MAX_JSON_DEPTH + 1)).error;
    expect(deep).toBeInstanceOf(UnsafeJsonBodyError);
    expect((deep as UnsafeJsonBodyError).reason).toBe('depth');
  });

  it('does not count brackets inside strings (escaped quotes included) as nesting', () => {
    const text = JSON.stringify({ s: `\\"${'['.repeat(500)}"` });
    expect(parse(text)).toEqual({ error: null, value: JSON.parse(text) });
  });

  it('refuses a string or key holding an escaped U+0000 (a raw one is no JSON at all)', () => {
    for (const text of ['{"a":"x\\u0000y"}', '{"a\\u0000":1}', '[["\\u0000"]]']) {
      const { error } = parse(text);
      expect(error).toBeInstanceOf(UnsafeJsonBodyError);
      expect((error as UnsafeJsonBodyError).reason).toBe('text');
    }
    expect(parse('["\u0000"]').error).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it('refuses a lone half of a surrogate pair, and keeps a whole pair', () => {
    for (const text of ['{"a":"\\ud83d"}', '{"a":"\\ude00x"}', '{"a":"x\\ud83d\\u0041"}'])
      expect(parse(text).error).toBeInstanceOf(UnsafeJsonBodyError);
    expect(parse('{"a":"\\ud83d\\ude00"}')).toEqual({ error: null, value: { a: '😀' } });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(parse(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])).error).toBeInstanceOf(BodyNotUtf8Error);
  });

  it('keeps Fastify’s errors for an empty and a malformed body', () => {
    expect(parse('').error).toMatchObject({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY' });
    expect(parse('{"a":').error).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it('refuses prototype poisoning (__proto__ keys) as Fastify does', () => {
    expect(parse('{"__proto__":{"admin":true}}').error).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
