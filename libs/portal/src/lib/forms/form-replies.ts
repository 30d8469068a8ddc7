import { WriteProof } from '@cong/citizens';
import { MiB } from '@cong/content';
import { DomainError, STATUS_BY_KIND } from '@cong/platform-errors';
import { RateLimitedError } from '@cong/platform-throttling';
import { normaliseHost } from '@cong/tenancy';
import { Links } from '../portal-addresses';
import { Chrome } from '../portal-chrome';
import { contextOf, html, pageCsp } from '../portal-pages';
import { ErrorPage } from '../pages/error-page';

/** What the portal's form routes need of Fastify's request and reply. */
export interface FormRequest {
  ip?: string;
  protocol?: string;
  host?: string;
  headers: Record<string, string | string[] | undefined>;
}
export interface FormReply {
  status(code: number): FormReply;
  header(name: string, value: string): FormReply;
  send(body?: string): unknown;
}

/** Links as the page that posted the form had them (relative on its own host). */
export function linksFor(req: FormRequest, chrome: Chrome): Links {
  const host = normaliseHost(typeof req.headers['host'] === 'string' ? req.headers['host'] : undefined);
  return new Links(chrome, chrome.sites.find((s) => s.domain === host) ?? null);
}

/** A page in answer to a form: never cached. */
export function sendPage(reply: FormReply, status: number, body: string, csp: string): void {
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', csp)
    .send(body);
}

/** Done: on to the page that shows it (303, so a reload does not post again). */
export function redirectTo(reply: FormReply, location: string): void {
  reply.status(303).header('location', location).header('cache-control', 'no-store').send();
}

/** One part of a multipart form, as @fastify/multipart gives it. */
interface FormPart {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  valueTruncated?: boolean;
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}
/** A form request that may be multipart/form-data (it carries a file). */
export interface MultipartFormRequest extends FormRequest {
  isMultipart?: () => boolean;
  parts?: (options: { limits: Record<string, number> }) => AsyncIterable<FormPart>;
}
/** The file a form carried: its name as sent and its bytes. */
export interface FormFile {
  filename: string;
  bytes: Buffer;
}

/** A text field of a form as long as any of ours may be, in bytes (10,000 Vietnamese letters take up to 30,000). */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 30;

/** Beyond the limits of a multipart form: a 413 in Vietnamese, naming the file when it is what is too large. */
const FormErrors = {
  fileTooLarge: (maxBytes: number) =>
    new DomainError('PORTAL_FILE_TOO_LARGE', 'payload_too_large', `Tệp đính kèm không được lớn hơn ${maxBytes / MiB} MB.`, [
      { field: 'attachment', message: `Tệp đính kèm không được lớn hơn ${maxBytes / MiB} MB.` },
    ]),
  tooMuch: () =>
    new DomainError('PORTAL_FORM_TOO_LARGE', 'payload_too_large', 'Biểu mẫu gửi quá nhiều trường, quá nhiều tệp hoặc một ô quá dài.'),
  malformed: () =>
    new DomainError('PORTAL_FORM_MALFORMED', 'bad_request', 'Biểu mẫu gửi lên không đọc được (có thể bị ngắt giữa chừng); xin gửi lại.'),
};

/** @fastify/multipart's refusals of a body it cannot read as a form (cut off, a field named like a prototype's). */
const MALFORMED = ['FST_PROTO_VIOLATION', 'FST_MP_PREMATURE_CLOSE', 'FST_INVALID_JSON_FIELD_ERROR', 'FST_INVALID_MULTIPART_CONTENT_TYPE'];

/**
 * A form sent as multipart/form-data: its text fields (as an urlencoded body would give them) and
 * its one file, read no further than `maxFileBytes`; a file input left empty is no file. Beyond
 * the limits (413) or unreadable (400), `refused` says why, with the fields read until then, so
 * that the form can be shown again as it was written. Not multipart: the body as it came, no file.
 */
export async function readForm(
  req: MultipartFormRequest,
  body: unknown,
  { fileField, maxFileBytes }: { fileField: string; maxFileBytes: number },
): Promise<{ fields: Record<string, unknown>; file: FormFile | null; refused?: DomainError }> {
  if (!req.isMultipart?.() || !req.parts) return { fields: (body ?? {}) as Record<string, unknown>, file: null };
  const fields: Record<string, string> = {};
  let file: FormFile | null = null;
  const limits = { fileSize: maxFileBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 };
  try {
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer!();
        if (part.fieldname === fileField && part.filename && bytes.length) file = { filename: part.filename, bytes };
      } else if (part.valueTruncated) {
        throw FormErrors.tooMuch();
      } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) return { fields, file: null, refused: error };
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { fields, file: null, refused: FormErrors.fileTooLarge(maxFileBytes) };
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      return { fields, file: null, refused: FormErrors.tooMuch() };
    if (MALFORMED.includes(code) || /multipart/i.test((error as Error).message ?? ''))
      return { fields, file: null, refused: FormErrors.malformed() };
    throw error;
  }
  return { fields, file };
}

/** A form field as text (the first, if sent more than once), bounded. */
export function textOf(body: Record<string, unknown>, name: string): string | undefined {
  const value = Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name];
  return typeof value === 'string' ? value.slice(0, 20_000) : undefined;
}

/** The proof a form carries: the ALTCHA widget's answer, or the text challenge's token and answer. */
export function proofOf(body: Record<string, unknown>): WriteProof | null {
  const altcha = textOf(body, 'altcha');
  if (altcha) return { altcha };
  const token = textOf(body, 'challengeToken');
  const answer = textOf(body, 'challengeAnswer');
  // A sum left unanswered (the ask form shows one without JavaScript) is no proof: the next step asks it.
  return token !== undefined && answer !== undefined && answer.trim() !== '' ? { text: { token, answer } } : null;
}

/** One message a field, the first: what the form shows under each. */
export function firstPerField<T extends { field: string }>(problems: T[]): T[] {
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

/** No such poll or draft (or another province's): the portal's 404 page, on the host that posted. */
export function sendNotFound(reply: FormReply, chrome: Chrome, links: Links): void {
  const ctx = contextOf(chrome, links.hostSite ?? chrome.portal, links);
  sendPage(reply, 404, html(ErrorPage({ ctx, status: 404 }), 404).body, pageCsp(chrome));
}

/** The status a refused write is answered with (as the JSON API's), and Retry-After for a rate limit. */
export function refusalStatus(reply: FormReply, error: DomainError): number {
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  return STATUS_BY_KIND[error.kind];
}
