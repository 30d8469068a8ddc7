import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ruleFileJsonSchemas } from './rule-file.json-schema';

const TENANTS = join(__dirname, '../../../../../tenants');
const FIXTURES = join(__dirname, '../../../test/fixtures');
const readJson = (file: string) => JSON.parse(readFileSync(join(TENANTS, file), 'utf8'));
const readYaml = (file: string) => parse(readFileSync(file, 'utf8'));

describe('rule-file JSON Schema', () => {
  const generated = ruleFileJsonSchemas();

  it('the published tenants/schema.json and units.schema.json are what the classes generate', () => {
    // If this fails: npm run cong -- tenants schema tenants
    expect(readJson('schema.json')).toEqual(JSON.parse(JSON.stringify(generated.tenant)));
    expect(readJson('units.schema.json')).toEqual(JSON.parse(JSON.stringify(generated.units)));
  });

  it('accepts both seed provinces and the example province, as an editor would check them', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const tenant = ajv.compile(generated.tenant);
    const units = ajv.compile(generated.units);
    for (const dir of [join(TENANTS, 'nghe-an'), join(TENANTS, 'lao-cai'), join(FIXTURES, 'tinh-mau')]) {
      expect({ dir, ok: tenant(readYaml(join(dir, 'tenant.yaml'))), errors: tenant.errors ?? null }).toEqual({
        dir,
        ok: true,
        errors: null,
      });
      expect({ dir, ok: units(readYaml(join(dir, 'units.yaml'))), errors: units.errors ?? null }).toEqual({ dir, ok: true, errors: null });
    }
  });

  it('flags for the editor what the loader refuses: unknown fields, wrong enums, missing fields', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const units = ajv.compile(generated.units);
    expect(units({ units: [{ code: 'so-y-te', name: 'Sở Y tế', kind: 'ministry', colour: 'blue' }, { code: 'x' }] })).toBe(false);
    expect((units.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).sort()).toEqual([
      '/units/0 must NOT have additional properties',
      '/units/0/kind must be equal to one of the allowed values',
      "/units/1 must have required property 'kind'",
      "/units/1 must have required property 'name'",
    ]);
  });
});
