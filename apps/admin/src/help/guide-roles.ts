/**
 * Which user guide (docs/huong-dan/<slug>.md) serves which roles, the narrowest role first (the
 * help page opens the widest the reader holds); the national operators' console shows theirs alone.
 */
export const GUIDE_ROLES: Record<string, string[]> = {
  'bien-tap-vien': ['unit_editor'],
  'lanh-dao-don-vi': ['unit_head'],
  'ban-bien-tap': ['editorial_board', 'editorial_council'],
  'trung-tam-cntt': ['tenant_admin'],
  'van-hanh-quoc-gia': ['national_operator'],
};
