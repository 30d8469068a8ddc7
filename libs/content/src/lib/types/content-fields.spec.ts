import { CONTENT_TYPES } from '@cong/rules';
import { SAMPLE_FIELDS } from '@cong/testing';
import { legalDocumentStatus, validateFields } from './content-fields';

describe('structured fields per content type', () => {
  it.each(CONTENT_TYPES.map((t) => [t]))('%s: valid fields round-trip unchanged', (type) => {
    const { fields, problems } = validateFields(type, SAMPLE_FIELDS[type]);
    expect(problems).toEqual([]);
    expect(fields).toEqual(SAMPLE_FIELDS[type]);
  });

  it('names every invalid field by its path', () => {
    const { problems } = validateFields('procedure', {
      ...SAMPLE_FIELDS.procedure,
      code: undefined,
      steps: [{ description: 'x' }],
      fee: 5,
      colour: 'đỏ',
    });
    expect([...new Set(problems.map((p) => p.field))].sort()).toEqual([
      'fields.code',
      'fields.colour',
      'fields.fee',
      'fields.steps[0].title',
    ]);
    const legal = validateFields('legal_document', {
      ...SAMPLE_FIELDS.legal_document,
      effectiveFrom: '2006-02-01',
      documentKind: 'sac-lenh',
      issuedOn: '09/02/2006',
    });
    expect([...new Set(legal.problems.map((p) => p.field))].sort()).toEqual(['fields.documentKind', 'fields.issuedOn']);
    const order = validateFields('legal_document', { ...SAMPLE_FIELDS.legal_document, effectiveFrom: '2006-02-01' });
    expect(order.problems).toEqual([{ field: 'fields.effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành.' }]);
    expect(validateFields('page', {}).problems.map((p) => p.field)).toEqual(['fields.pageKind']);
  });

  it('NA-8.4: a legal document status follows its dates and its replacement', () => {
    const doc = { ...SAMPLE_FIELDS.legal_document, expiresOn: '2030-01-01' };
    expect(legalDocumentStatus(doc, '2006-02-23')).toBe('not_yet_effective');
    expect(legalDocumentStatus(doc, '2006-02-24')).toBe('in_effect');
    expect(legalDocumentStatus(doc, '2029-12-31')).toBe('in_effect');
    expect(legalDocumentStatus(doc, '2030-01-01')).toBe('expired');
    expect(legalDocumentStatus({ ...doc, replacedBy: '4b0c3f8e-1f7a-4c55-9b8e-0d2a6f1e9c11' }, '2026-11-23')).toBe('replaced');
  });
});
