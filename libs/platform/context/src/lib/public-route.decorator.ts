import { RequestMethod, SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'access:public';

/**
 * Open to anyone, signed in or not (health, public portal reads, sign-in itself). Every other route
 * needs a valid access token: the access guard (accounts) reads this mark. It lives here, below
 * every domain library, so any controller can use it.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Citizens' public reads (`GET /api/v1/public/sites…` and `/search`, under the global prefix; public media files are a
 * Nest route), served as plain Fastify
 * routes by the content library: request-scoped middlewares (the execution scope, per-request
 * logging) are not applied to them.
 */
export const PUBLIC_READ_ROUTES = [
  { path: 'public/sites', method: RequestMethod.GET },
  { path: 'public/sites/{*path}', method: RequestMethod.GET },
  { path: 'public/search', method: RequestMethod.GET },
];
