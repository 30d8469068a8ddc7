import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleSet } from '../loading/tenant-folder.loader';
import { canonicalDocument, checksumOf } from './canonical-document';
import { diffRuleDocuments, formatRuleChange } from './rule-set.diff';

const LAO_CAI = readFileSync(join(__dirname, '../../../../../tenants/lao-cai/tenant.yaml'), 'utf8');

function documentOf(text: string) {
  const parsed = parseRuleSet(text, 'tenant.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return canonicalDocument(parsed.value);
}

describe('rule version diffs', () => {
  const before = documentOf(LAO_CAI);

  it('matches list items by id or date, so an inserted holiday is one line; sorted by path', () => {
    const after = documentOf(
      LAO_CAI.replace(
        '    - { date: 2026-01-01, name: Tết Dương lịch }',
        '    - { date: 2025-12-31, name: Nghỉ bù }\n    - { date: 2026-01-01, name: Tết Dương lịch }',
      )
        .replace('weekdays: [MON, WED, FRI]', 'weekdays: [MON, TUE, WED, FRI]')
        .replace('{ rule: daily-socio-economic-news, weight: 1 }', '{ rule: daily-socio-economic-news, weight: 2 }'),
    );
    expect(diffRuleDocuments(before, after).map(formatRuleChange)).toEqual([
      '+ calendar.holidays[2025-12-31]: {"date":"2025-12-31","name":"Nghỉ bù"}',
      '~ emulation.weights[daily-socio-economic-news].weight: 1 → 2',
      '~ schedules[update-days].weekdays: [MON, WED, FRI] → [MON, TUE, WED, FRI]',
    ]);
  });

  it('shows a royalty unit value added to the dated series, and a genre removed', () => {
    const after = documentOf(
      LAO_CAI.replace(
        '      - { from: 2024-07-01, amount: 234000, basis: 10% lương cơ sở 2.340.000 đ (NĐ 73/2024) }',
        '      - { from: 2024-07-01, amount: 234000, basis: 10% lương cơ sở 2.340.000 đ (NĐ 73/2024) }\n      - { from: 2027-07-01, amount: 250000 }',
      ).replace('      - { id: anh, name: Ảnh tư liệu, points: 0.5 }\n', ''),
    );
    expect(diffRuleDocuments(before, after).map(formatRuleChange)).toEqual([
      '- payments.royalties.genres[anh]: {"id":"anh","name":"Ảnh tư liệu","points":0.5}',
      '+ payments.royalties.unitValue[2027-07-01]: {"amount":250000,"from":"2027-07-01"}',
    ]);
  });

  it('gives equal checksums to equal rules, whatever the comments and key order of the file', () => {
    const reordered = LAO_CAI.replace(/^#.*\n/gm, '').replace('code: lao-cai\nname: Tỉnh Lào Cai', 'name: Tỉnh Lào Cai\ncode: lao-cai');
    expect(checksumOf(documentOf(reordered))).toBe(checksumOf(before));
    expect(diffRuleDocuments(before, documentOf(reordered))).toEqual([]);
  });
});
