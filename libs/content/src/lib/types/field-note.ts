import 'reflect-metadata';

const FIELD_NOTE = 'cong:field-note';

/**
 * A word for people about a field (or a class of fields) that its validators cannot say: an
 * example, a unit, how it relates to another field. docs/content.md shows it beside the field.
 */
export function FieldNote(note: string): PropertyDecorator & ClassDecorator {
  return (target: object, property?: string | symbol) => {
    if (property === undefined) Reflect.defineMetadata(FIELD_NOTE, note, target);
    else Reflect.defineMetadata(FIELD_NOTE, note, target.constructor, property);
  };
}

export function fieldNoteOf(type: abstract new () => object, property?: string): string | undefined {
  return property === undefined ? Reflect.getOwnMetadata(FIELD_NOTE, type) : Reflect.getMetadata(FIELD_NOTE, type, property);
}
