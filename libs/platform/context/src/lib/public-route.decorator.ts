import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'access:public';

/**
 * Open to anyone, signed in or not (health, public portal reads, sign-in itself). Every other route
 * needs a valid access token: the access guard (accounts) reads this mark. It lives here, below
 * every domain library, so any controller can use it.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
