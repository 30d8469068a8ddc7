// class-transformer exports its metadata storage only from this internal path (as its docs show).
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  ARRAY_MAX_SIZE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_OPTIONAL,
  MAX_LENGTH,
  ValidationTypes,
} from 'class-validator';
import { ContentType } from '@cong/rules';
import { FIELDS_BY_TYPE, uploadKindsOf } from './content-fields';
import { fieldNoteOf } from './field-note';

/** A class of fields (`ProcedureFields`, `FileRef`). */
type FieldClass = abstract new () => object;

/** One field of a content type as the validators that check it describe it. */
export interface FieldDescription {
  name: string;
  /** `required`: refused when missing; `optional`; `conditional`: required unless its note says otherwise. */
  presence: 'required' | 'optional' | 'conditional';
  list: boolean;
  /** For file references: the kinds of upload it may name. */
  uploads?: readonly string[];
  kind?: 'date' | 'whole number' | 'true/false';
  values?: readonly string[];
  note?: string;
  /** The longest text accepted (for a list of texts: of each one). */
  maxLength?: number;
  /** For a list: the most entries accepted. */
  maxItems?: number;
  /** The fields of each entry (a list of steps, a file reference). */
  entry?: { note?: string; fields: FieldDescription[] };
}

/**
 * The fields of `type`, read from the class-validator and class-transformer metadata of its field
 * class — the same metadata `validateFields` validates with, so the two cannot disagree.
 */
export function describeFields(type: ContentType): FieldDescription[] {
  return describeClass(FIELDS_BY_TYPE[type]).map((f) => {
    const uploads = uploadKindsOf(type, f.name);
    return uploads ? { ...f, uploads } : f;
  });
}

function describeClass(target: FieldClass): FieldDescription[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.map((name) => {
    const own = metadata.filter((m) => m.propertyName === name);
    const conditional = own.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const has = (validator: string) => own.some((m) => m.name === validator);
    const nested = own.some((m) => m.type === ValidationTypes.NESTED_VALIDATION)
      ? defaultMetadataStorage.findTypeMetadata(target, name)?.typeFunction()
      : undefined;
    const entryType = typeof nested === 'function' ? (nested as FieldClass) : undefined;
    return {
      name,
      presence: conditional.some((m) => m.name === IS_OPTIONAL) ? 'optional' : conditional.length > 0 ? 'conditional' : 'required',
      list: has(IS_ARRAY),
      kind: has(IS_ISO8601) ? 'date' : has(IS_INT) ? 'whole number' : has(IS_BOOLEAN) ? 'true/false' : undefined,
      values: own.find((m) => m.name === IS_IN)?.constraints[0] as readonly string[] | undefined,
      note: fieldNoteOf(target, name),
      maxLength: own.find((m) => m.name === MAX_LENGTH)?.constraints[0] as number | undefined,
      maxItems: own.find((m) => m.name === ARRAY_MAX_SIZE)?.constraints[0] as number | undefined,
      entry: entryType ? { note: fieldNoteOf(entryType), fields: describeClass(entryType) } : undefined,
    } satisfies FieldDescription;
  });
}

export const CONTENT_FIELDS_START =
  '<!-- content-fields:start (generated from the field classes of libs/content by `npm run docs:content`; a test keeps it current) -->';
export const CONTENT_FIELDS_END = '<!-- content-fields:end -->';

/** The table docs/content.md shows: per type (types sharing their fields together), required and optional fields. */
export function renderContentFieldsSection(): string {
  const groups = new Map<FieldClass, ContentType[]>();
  for (const [type, fields] of Object.entries(FIELDS_BY_TYPE) as [ContentType, FieldClass][])
    groups.set(fields, [...(groups.get(fields) ?? []), type]);
  const rows = [...groups.values()].map((types) => {
    const fields = describeFields(types[0]);
    // A "|" would end the table cell, even inside code.
    const cell = (presence: FieldDescription['presence'][]) =>
      fields
        .filter((f) => presence.includes(f.presence))
        .map(renderField)
        .join('; ')
        .replaceAll('|', '\\|') || '—';
    return `| ${types.map((t) => `\`${t}\``).join(', ')} | ${cell(['required'])} | ${cell(['optional', 'conditional'])} |`;
  });
  return [
    CONTENT_FIELDS_START,
    '| type | required fields (a 422 names each one missing) | optional fields |',
    '|---|---|---|',
    ...rows,
    '',
    'Inside `{…}`: the fields of each entry; `?` marks the optional ones. A date is `YYYY-MM-DD`.',
    CONTENT_FIELDS_END,
  ].join('\n');
}

function renderField(f: FieldDescription): string {
  const details = [
    f.kind,
    f.values ? `one of ${f.values.join(', ')}` : undefined,
    f.uploads ? `uploads: ${f.uploads.join(', ')}` : undefined,
    f.note,
  ].filter(Boolean);
  const entry = f.entry ? ` ${renderEntry(f.entry)}` : '';
  return `\`${f.name}${f.list ? '[]' : ''}\`${entry}${details.length ? ` (${details.join('; ')})` : ''}`;
}

function renderEntry(entry: NonNullable<FieldDescription['entry']>): string {
  if (entry.note) return `— ${entry.note}`;
  return `{${entry.fields.map((f) => `${f.name}${f.presence === 'required' ? '' : '?'}${f.kind && f.kind !== 'date' ? ` (${f.kind})` : ''}`).join(', ')}}`;
}

/** `document` with its marked section replaced by `section`; refuses a document without both markers. */
export function withContentFieldsSection(document: string, section = renderContentFieldsSection()): string {
  const start = document.indexOf(CONTENT_FIELDS_START);
  const end = document.indexOf(CONTENT_FIELDS_END);
  if (start < 0 || end < start) throw new Error(`the document has no section between ${CONTENT_FIELDS_START} and ${CONTENT_FIELDS_END}`);
  return `${document.slice(0, start)}${section}${document.slice(end + CONTENT_FIELDS_END.length)}`;
}
