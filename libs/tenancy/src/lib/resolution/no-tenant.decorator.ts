import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const NO_TENANT = 'tenancy:no-tenant';
/** Marks such routes' operations in the OpenAPI document (they take no `X-Tenant` header). */
export const NO_TENANT_EXTENSION = 'x-cong-no-tenant';

/**
 * Marks a controller or route that serves no province (health, API docs, national operators).
 * Every other route gets a resolved tenant or fails: the default is closed.
 */
export const NoTenant = () => applyDecorators(SetMetadata(NO_TENANT, true), ApiExtension(NO_TENANT_EXTENSION, true));
