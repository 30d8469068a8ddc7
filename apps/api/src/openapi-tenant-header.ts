import type { OpenAPIObject } from '@nestjs/swagger';
import { NO_TENANT_EXTENSION } from '@cong/tenancy';

/** The one description of the header that names the province (the public routes and Nest's alike). */
export const TENANT_HEADER = {
  name: 'X-Tenant',
  in: 'header',
  required: false,
  description: 'Mã tỉnh (ví dụ lao-cai), khi yêu cầu không gửi tới tên miền của tỉnh',
  schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', example: 'lao-cai' },
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
type Parameter = { name?: string; in?: string; $ref?: string };
type Operation = { parameters?: Parameter[]; [extension: string]: unknown };

/**
 * Every operation of a province under `prefix` (all but the national operators' `…/operator/…` and
 * routes marked `@NoTenant()`) lists `X-Tenant` once, so /docs can call it off the province's domain.
 * Operations that already declare the header get this description instead of theirs.
 */
export function documentTenantHeader(document: OpenAPIObject, prefix: string): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
    if (path.startsWith(`${prefix}/operator/`)) continue;
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op || op[NO_TENANT_EXTENSION]) continue;
      const others = (op.parameters ?? []).filter((p) => !(p.in === 'header' && p.name?.toLowerCase() === 'x-tenant'));
      op.parameters = [...others, { ...TENANT_HEADER }];
    }
  }
  return document;
}
