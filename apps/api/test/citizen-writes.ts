import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { Caller } from './auth-session';

/** A solved proof-of-work challenge, as the ALTCHA widget posts it: base64 JSON of the challenge and the solution. */
export async function solvedChallenge(
  caller: Caller,
  purpose: 'question' | 'vote' | 'comment',
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await caller.send('GET', `/api/v1/public/challenge?purpose=${purpose}`, undefined, undefined, headers);
  if (res.status !== 200) throw new Error(`challenge refused: ${res.text}`);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** The answer to the sum a form without JavaScript asks ("bảy cộng năm bằng mấy?"), from the page or its label. */
export function sumOf(text: string): string {
  const [, a, b] = /: (\S+) cộng (\S+) bằng mấy/.exec(text) ?? [];
  if (!a || !b) throw new Error('no sum on the page');
  return String(DIGITS.indexOf(a) + DIGITS.indexOf(b));
}

/** The hidden fields a page's form carries (what was written, through the no-JavaScript step), as sent. */
export function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
    m[1],
    m[2]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  ]);
}

/** A form as a browser sends it with a file chosen (multipart/form-data): the body and its content type. */
export async function multipartForm(
  fields: Record<string, string>,
  file?: { field: string; filename: string; bytes: Buffer; type?: string },
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file)
    form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}
