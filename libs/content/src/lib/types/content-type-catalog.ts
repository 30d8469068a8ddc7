import { Injectable } from '@nestjs/common';
import { CONTENT_TYPES, ContentType } from '@cong/rules';
import { describeFields, FieldDescription } from './content-fields.doc';
import { CONTENT_TYPE_LABELS, ENTRY_FIELD_LABELS, FIELD_LABELS, VALUE_LABELS } from './content-labels';

/** A field as the console's editor reads it: its description, its label and its values' labels. */
export interface LabelledField extends Omit<FieldDescription, 'values' | 'entry'> {
  label: string;
  values?: { value: string; label: string }[];
  entry?: { note?: string; fields: LabelledField[] };
}

export interface ContentTypeDescription {
  type: ContentType;
  label: string;
  fields: LabelledField[];
}

/**
 * The content types the province's editors may write, each with its fields as their validation
 * describes them (describeFields) and labelled in Vietnamese. The rules restrict no type (every
 * channel and type must be bound to a workflow), so every province is offered every type.
 */
@Injectable()
export class ContentTypeCatalog {
  describeAll(): ContentTypeDescription[] {
    return CONTENT_TYPES.map((type) => ({ type, label: CONTENT_TYPE_LABELS[type], fields: describeFields(type).map((f) => labelled(f)) }));
  }
}

/** Throws on a field with no label: the unit test finds every one, so the API never answers without. */
function labelled(f: FieldDescription, parent?: string): LabelledField {
  const label = parent ? ENTRY_FIELD_LABELS[parent]?.[f.name] : FIELD_LABELS[f.name];
  if (!label) throw new Error(`no Vietnamese label for the content field ${parent ? `${parent}.` : ''}${f.name}`);
  const { values, entry, ...rest } = f;
  return {
    ...withoutEmpty(rest),
    label,
    ...(values ? { values: values.map((value) => ({ value, label: VALUE_LABELS[f.name]?.[value] ?? value })) } : {}),
    ...(entry ? { entry: { ...(entry.note ? { note: entry.note } : {}), fields: entry.fields.map((e) => labelled(e, f.name)) } } : {}),
  };
}

/** The description without the keys it leaves undefined. */
const withoutEmpty = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
