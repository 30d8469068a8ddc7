/**
 * The group role every application login role belongs to. Migrations grant table privileges to it,
 * never to a login role, so the login role's name can differ per deployment (DATABASE_APP_ROLE).
 */
export const APPLICATION_GROUP_ROLE = 'cong_application';

/** The group role of the public read path's login role (DATABASE_PUBLIC_ROLE): published rows only. */
export const PUBLIC_READER_GROUP_ROLE = 'cong_public_reader';
