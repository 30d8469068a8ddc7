/** Reading the portal's HTML as a browser would: its elements, its text, and anything that would run. */
import { parseDocument } from 'htmlparser2';

export interface Element {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: unknown[];
}

/** Every element of an HTML document. */
export function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Element[]) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') out.push(node);
      if (node.children) walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return out;
}
export const textOf = (html: string) =>
  elements(html)
    .filter((e) => e.name === 'main')
    .map((e) => JSON.stringify(e.children.map(flatten)))
    .join(' ');
function flatten(node: unknown): string {
  const n = node as { type: string; data?: string; children?: unknown[] };
  return n.type === 'text' ? (n.data ?? '') : (n.children ?? []).map(flatten).join('');
}
/** What would run in a browser: script elements, event-handler attributes, script URLs, frames. */
export function executable(html: string): string[] {
  return elements(html).flatMap((e) => [
    ...(e.name === 'script' || e.name === 'iframe' || e.name === 'object' || e.name === 'embed' || e.name === 'svg' ? [`<${e.name}>`] : []),
    ...Object.entries(e.attribs)
      .filter(
        ([name, value]: [string, string]) =>
          /^on/i.test(name) || (/^\s*(javascript|vbscript|data):/i.test(value) && ['href', 'src', 'action', 'formaction'].includes(name)),
      )
      .map(([n, v]) => `${e.name}[${n}=${v}]`),
  ]);
}
