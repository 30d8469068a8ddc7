import { CONTENT_TYPES } from '@cong/rules';
import { describeFields } from './content-fields.doc';
import { CONTENT_TYPE_LABELS, ENTRY_FIELD_LABELS, FIELD_LABELS, VALUE_LABELS } from './content-labels';
import { ContentTypeCatalog } from './content-type-catalog';

describe("the content types as the console's editor reads them (GET /api/v1/content/types)", () => {
  const described = new ContentTypeCatalog().describeAll();
  const byType = Object.fromEntries(described.map((t) => [t.type, t]));

  it('every field and entry field of every type has a Vietnamese label (the offenders listed)', () => {
    const missing = CONTENT_TYPES.flatMap((type) =>
      describeFields(type).flatMap((f) => [
        ...(FIELD_LABELS[f.name] ? [] : [`${type}: ${f.name}`]),
        ...(f.entry?.fields ?? []).filter((e) => !ENTRY_FIELD_LABELS[f.name]?.[e.name]).map((e) => `${type}: ${f.name}.${e.name}`),
      ]),
    );
    expect(missing).toEqual([]);
    expect(CONTENT_TYPES.filter((t) => !CONTENT_TYPE_LABELS[t])).toEqual([]);
  });

  it('every value a field takes from a list has a Vietnamese label', () => {
    const missing = CONTENT_TYPES.flatMap((type) =>
      describeFields(type).flatMap((f) => (f.values ?? []).filter((v) => !VALUE_LABELS[f.name]?.[v]).map((v) => `${type}: ${f.name}=${v}`)),
    );
    expect(missing).toEqual([]);
  });

  it('describes every type, in the order of CONTENT_TYPES, each field as describeFields does plus its label', () => {
    expect(described.map((t) => t.type)).toEqual([...CONTENT_TYPES]);
    for (const type of CONTENT_TYPES)
      expect(byType[type].fields.map((f) => [f.name, f.presence, f.list])).toEqual(
        describeFields(type).map((f) => [f.name, f.presence, f.list]),
      );
    expect(byType.legal_document.label).toBe('Văn bản pháp luật');
    const legal = Object.fromEntries(byType.legal_document.fields.map((f) => [f.name, f]));
    expect(legal.number).toEqual({
      name: 'number',
      label: 'Số, ký hiệu',
      presence: 'required',
      list: false,
      note: 'e.g. `07/2006/QĐ-UBND`',
      maxLength: 100,
    });
    expect(legal.documentKind.values).toContainEqual({ value: 'quyet-dinh', label: 'Quyết định' });
    expect(legal.issuedOn).toMatchObject({ label: 'Ngày ban hành', kind: 'date' });
    expect(legal.file).toMatchObject({ label: 'Tệp văn bản', uploads: ['pdf', 'word', 'image'], presence: 'optional' });
    const procedure = Object.fromEntries(byType.procedure.fields.map((f) => [f.name, f]));
    expect(procedure.steps).toMatchObject({ label: 'Trình tự thực hiện', list: true, maxItems: 100 });
    expect(procedure.steps.entry!.fields.map((f) => [f.name, f.label])).toEqual([
      ['title', 'Tên bước'],
      ['description', 'Nội dung thực hiện'],
    ]);
    expect(procedure.legalBasis).toMatchObject({ label: 'Căn cứ pháp lý', list: true, maxLength: 500, maxItems: 50 });
    expect(procedure.forms.entry).toMatchObject({ note: 'a file, `{name, media}` or `{name, url}`' });
    const page = Object.fromEntries(byType.page.fields.map((f) => [f.name, f]));
    expect(page.pageKind.values).toContainEqual({ value: 'functions-and-duties', label: 'Chức năng, nhiệm vụ' });
  });

  it('nests entries one level only, and leaves out what a field does not have (no null or undefined keys)', () => {
    const json = JSON.parse(JSON.stringify(described));
    expect(json).toEqual(described);
    for (const t of described) for (const f of t.fields) for (const e of f.entry?.fields ?? []) expect(e.entry).toBeUndefined();
    expect(Object.keys(byType.faq.fields[0]).sort()).toEqual(['label', 'list', 'maxLength', 'name', 'presence']);
  });
});
