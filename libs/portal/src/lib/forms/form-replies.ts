import { WriteProof } from '@cong/citizens';
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
  return token !== undefined && answer !== undefined ? { text: { token, answer } } : null;
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
