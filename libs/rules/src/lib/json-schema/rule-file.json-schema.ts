// class-transformer exports its metadata storage only from this internal path (as its docs show).
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { IS_ISO8601 } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import * as schemaClasses from '../schema/all-classes';
import { ONE_OF } from '../schema/one-of.validator';
import { RuleSet } from '../schema/rule-set.schema';
import { UnitTree } from '../schema/unit-tree.schema';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[] };

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/**
 * JSON Schemas for `tenant.yaml` and `units.yaml`, derived from the class-validator classes so the
 * editor's completion and the loader can never disagree on a field. Published as
 * `tenants/schema.json` and `tenants/units.schema.json` (`cong tenants schema tenants`).
 */
export function ruleFileJsonSchemas(): { tenant: Schema; units: Schema } {
  const definitions = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/definitions/',
    additionalConverters: {
      // Rule files hold calendar dates only (STRICT_DATE); no times.
      [IS_ISO8601]: { type: 'string', format: 'date' },
      [ONE_OF]: (meta) => {
        const values = { enum: [...(meta.constraints[0] as string[])] };
        const isArray = Reflect.getMetadata('design:type', (meta.target as { prototype: object }).prototype, meta.propertyName) === Array;
        return isArray ? { type: 'array', items: values } : values;
      },
    },
  }) as Record<string, Schema>;

  for (const [name, schema] of Object.entries(definitions)) {
    schema.additionalProperties = false;
    markDefaults(name, schema);
  }
  const root = (title: string, ref: string) => ({
    $schema: DRAFT,
    title,
    $ref: `#/definitions/${ref}`,
    definitions: reachableFrom(ref, definitions),
  });
  return {
    tenant: root('Cổng — bộ quy tắc của tỉnh (tenants/<mã>/tenant.yaml)', RuleSet.name),
    units: root('Cổng — cây đơn vị của tỉnh (tenants/<mã>/units.yaml)', UnitTree.name),
  };
}

/** A field with a default is not required of the writer, and editors show the default. */
function markDefaults(name: string, schema: Schema): void {
  const type = SCHEMA_CLASSES.get(name);
  if (!type || !schema.properties) return;
  const blank = new type() as Record<string, unknown>;
  for (const [field, value] of Object.entries(blank)) {
    if (value === undefined || !schema.properties[field]) continue;
    schema.required = schema.required?.filter((r) => r !== field);
    if (schema.required?.length === 0) delete schema.required;
    if (typeof value !== 'object' || Array.isArray(value)) schema.properties[field].default = value;
  }
}

function reachableFrom(name: string, all: Record<string, Schema>, into: Record<string, Schema> = {}): Record<string, Schema> {
  if (into[name] || !all[name]) return into;
  into[name] = all[name];
  const refs = JSON.stringify(all[name]).matchAll(/"#\/definitions\/([A-Za-z]+)"/g);
  for (const [, ref] of refs) reachableFrom(ref, all, into);
  return Object.fromEntries(Object.entries(into).sort(([a], [b]) => a.localeCompare(b)));
}

const SCHEMA_CLASSES = new Map<string, new () => object>(
  Object.values(schemaClasses)
    .filter((v): v is new () => object => typeof v === 'function')
    .map((c) => [c.name, c]),
);
