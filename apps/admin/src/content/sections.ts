import type { Schemas } from '../api/client';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** A site's section tree as antd's TreeSelect takes it, valued by slug (what the API names sections by). */
export function sectionTree(sections: Schemas['SectionNodeResponse'][]): TreeNode[] {
  return sections.map((s) => ({ value: s.slug, title: s.title, children: sectionTree(s.children) }));
}

/** The slug of the section `id` in a tree, or null. */
export function slugById(sections: Schemas['SectionNodeResponse'][], id: string): string | null {
  for (const s of sections) {
    if (s.id === id) return s.slug;
    const below = slugById(s.children, id);
    if (below) return below;
  }
  return null;
}
