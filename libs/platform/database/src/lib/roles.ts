/**
 * The group role every application login role belongs to. Migrations grant table privileges to it,
 * never to a login role, so the login role's name can differ per deployment (DATABASE_APP_ROLE).
 */
export const APPLICATION_GROUP_ROLE = 'cong_application';
