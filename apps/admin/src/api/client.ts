import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { authRoute, type Province, session } from '../session/session-store';

export type Schemas = components['schemas'];

/** A field the API refused, as problem+json names it (`fields.steps[2].title`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An answer of the API that is not a success: RFC 9457 problem+json, its `detail` in Vietnamese. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(detail);
  }

  static from(status: number, body: unknown): ApiProblem {
    const problem = (body ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] };
    const detail = problem.detail ?? problem.title ?? (status >= 500 ? 'Máy chủ đang gặp sự cố, vui lòng thử lại sau.' : `Lỗi ${status}.`);
    return new ApiProblem(status, problem.code ?? `HTTP_${status}`, detail, problem.errors ?? []);
  }
}

/**
 * Operators sign in on the platform: the console's sign-in calls are the same, sent to
 * /api/v1/operator/auth/…. The body is copied as bytes (a streamed body cannot be handed over).
 */
async function routedForOperators(asked: Request, province: Province | undefined): Promise<Request> {
  const path = new URL(asked.url).pathname;
  const routed = authRoute(province, path);
  if (routed === path) return asked;
  const body = asked.method === 'GET' || asked.method === 'HEAD' ? undefined : await asked.arrayBuffer();
  return new Request(new URL(routed, asked.url), { method: asked.method, headers: asked.headers, body, signal: asked.signal });
}

/** The request a 401 answered, kept to be sent again once the tokens are renewed. */
const pending = new Map<string, Request>();

const authentication: Middleware = {
  async onRequest({ request: asked, id }) {
    const current = session.current();
    const request = await routedForOperators(asked, current.province);
    if (current.province && !current.provinceFromHost) request.headers.set('X-Tenant', current.province.code);
    if (current.tokens) request.headers.set('Authorization', `Bearer ${current.tokens.accessToken}`);
    if (current.tokens && !request.url.endsWith('/auth/refresh')) pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const retry = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !retry) return response;
    // The access token lapsed (15 min): renew it once from the refresh token and send the request again.
    const renewed = await session.renew();
    if (!renewed) return response;
    retry.headers.set('Authorization', `Bearer ${renewed.accessToken}`);
    return fetch(retry);
  },
  onError({ id }) {
    pending.delete(id);
    return new ApiProblem(0, 'NETWORK', 'Không kết nối được tới máy chủ. Kiểm tra mạng rồi thử lại.');
  },
};

/** The typed client of the API the console is served by (types generated from its OpenAPI). */
export const api = createClient<paths>({ baseUrl: '/' });
api.use(authentication);

/**
 * The data of an answer, or its problem thrown: `await ok(api.GET('/api/v1/content'))`. TanStack
 * Query and the forms catch ApiProblem and show its Vietnamese detail.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error);
  return data as T;
}
