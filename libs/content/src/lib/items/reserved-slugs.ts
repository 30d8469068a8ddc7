/**
 * First path segments an item's slug cannot take on any site: the portal's own pages (section
 * lists, search, documents, procedures, the unit directory, Q&A, polls, drafts for comment), the
 * platform's paths and the portal's assets. An item slugged `hoi-dap` would be shadowed by the Q&A
 * page and never reached. `libs/portal` spells its paths from the same words; its spec
 * (portal-addresses.spec.ts) fails when a page takes a segment missing here.
 */
export const RESERVED_SLUGS: readonly string[] = [
  'chuyen-muc',
  'tim-kiem',
  'van-ban',
  'thu-tuc',
  'co-quan',
  'hoi-dap',
  'binh-chon',
  'gop-y-du-thao',
  'api',
  'docs',
  'health',
  'admin',
  'assets',
];
