import { CONTENT_TYPES } from '@cong/rules';
import { SAMPLE_FIELDS } from '@cong/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFields } from './content-fields';
import {
  CONTENT_FIELDS_END,
  CONTENT_FIELDS_START,
  describeFields,
  renderContentFieldsSection,
  withContentFieldsSection,
} from './content-fields.doc';

const DOC = join(__dirname, '../../../../../docs/content.md');

describe('the content types as docs/content.md describes them', () => {
  it('docs/content.md shows exactly what the field classes define (if this fails: npm run docs:content)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const shown = doc.slice(doc.indexOf(CONTENT_FIELDS_START), doc.indexOf(CONTENT_FIELDS_END) + CONTENT_FIELDS_END.length);
    expect(shown).toBe(renderContentFieldsSection());
    expect(withContentFieldsSection(doc)).toBe(doc);
  });

  it.each(CONTENT_TYPES.map((t) => [t]))('%s: a field described as required is refused when missing, an optional one is not', (type) => {
    const sample = SAMPLE_FIELDS[type];
    const outcomes = describeFields(type).map((f) => {
      const { [f.name]: _left, ...without } = sample;
      const refused = validateFields(type, without).problems.some((p) => p.field === `fields.${f.name}`);
      return `${f.name}: ${f.presence} → ${refused ? 'refused' : 'accepted'} when missing`;
    });
    const expected = describeFields(type).map(
      (f) => `${f.name}: ${f.presence} → ${f.presence === 'required' ? 'refused' : 'accepted'} when missing`,
    );
    expect(outcomes).toEqual(expected);
    // Nothing the validation requires is missing from the description.
    const missingAll = validateFields(type, {}).problems.map((p) => p.field.replace(/^fields\./, ''));
    expect([...new Set(missingAll)].sort()).toEqual(
      describeFields(type)
        .filter((f) => f.presence === 'required')
        .map((f) => f.name)
        .sort(),
    );
  });

  it("an entry's required fields are refused when an entry lacks them (steps, dossier components, files)", () => {
    const procedure = Object.fromEntries(describeFields('procedure').map((f) => [f.name, f]));
    const problems = validateFields('procedure', { ...SAMPLE_FIELDS.procedure, steps: [{}], dossierComponents: [{}] }).problems.map(
      (p) => p.field,
    );
    expect(problems.filter((p) => p.startsWith('fields.steps[0]') || p.startsWith('fields.dossierComponents[0]'))).toEqual([
      ...procedure.steps.entry!.fields.filter((f) => f.presence === 'required').map((f) => `fields.steps[0].${f.name}`),
      ...procedure.dossierComponents
        .entry!.fields.filter((f) => f.presence === 'required')
        .map((f) => `fields.dossierComponents[0].${f.name}`),
    ]);
    expect(procedure.steps.entry!.fields.map((f) => `${f.name}: ${f.presence}`)).toEqual(['title: required', 'description: optional']);
    expect(procedure.forms.entry!.fields.map((f) => `${f.name}: ${f.presence}`)).toEqual([
      'name: required',
      'url: conditional',
      'media: optional',
    ]);
  });
});
