import { SetMetadata } from '@nestjs/common';

export const NO_TENANT = 'tenancy:no-tenant';

/**
 * Marks a controller or route that serves no province (health, API docs, national operators).
 * Every other route gets a resolved tenant or fails: the default is closed.
 */
export const NoTenant = () => SetMetadata(NO_TENANT, true);
