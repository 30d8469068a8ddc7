import { EntityManager } from 'typeorm';

/**
 * The active accounts of a province holding one of `roles`, province-wide or at one of the units
 * of `lineage` (a unit and those above it): who is told of something that happened there.
 * Accounts owns the tables; others (notifications) ask here.
 */
export async function roleHolders(m: EntityManager, tenantId: string, roles: string[], lineage: string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows: { user_id: string }[] = await m.query(
    `SELECT DISTINCT ms.user_id FROM accounts_membership ms JOIN accounts_user u ON u.tenant_id = ms.tenant_id AND u.id = ms.user_id
     WHERE ms.tenant_id = $1 AND ms.role = ANY($2::text[]) AND (ms.unit_id IS NULL OR ms.unit_id = ANY($3::uuid[])) AND u.status = 'active'`,
    [tenantId, roles, lineage],
  );
  return rows.map((r) => r.user_id);
}

/**
 * The usernames and display names of a province's accounts by id (an id with no account is left
 * out), each with its place in the order of usernames as the database sorts them (its collation,
 * not JavaScript's), for lists ordered by author.
 */
export async function accountNames(
  m: EntityManager,
  tenantId: string,
  ids: string[],
): Promise<Map<string, { username: string; displayName: string; order: number }>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; username: string; display_name: string; position: string }[] = await m.query(
    `SELECT id, username, display_name, row_number() OVER (ORDER BY username) AS position
       FROM accounts_user WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name, order: Number(r.position) }]));
}
