import type { Schemas } from '../api/client';
import { cleanFields } from './type-fields';

type Item = Schemas['ContentResponse'];

/** What the editor form holds. */
export interface EditorValues {
  site?: string;
  type?: string;
  unit?: string;
  title?: string;
  summary?: string;
  body?: string;
  section?: string | null;
  fields?: Record<string, unknown>;
}

/** A saved item as the form shows it. */
export const valuesOf = (item: Item): EditorValues => ({
  site: item.site,
  type: item.type,
  unit: item.unit,
  title: item.title,
  summary: item.summary ?? '',
  body: item.body,
  section: item.section,
  fields: item.fields,
});

/** The parts of an edit the API saves (the site, type and unit are fixed once the item exists). */
export const draftOf = (v: EditorValues) => ({
  title: (v.title ?? '').trim(),
  summary: (v.summary ?? '').trim(),
  body: v.body ?? '',
  section: v.section ?? null,
  fields: (cleanFields(v.fields) ?? {}) as Record<string, unknown>,
});
