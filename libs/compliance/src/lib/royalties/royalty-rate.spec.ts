import { loadTenantFolder, Royalties } from '@cong/rules';
import { join } from 'node:path';
import { royaltyFor } from './royalty-rate';

describe('royalty amounts follow the rate table (LC-3.1c, Lào Cai seed)', () => {
  let table: Royalties;

  beforeAll(async () => {
    const folder = await loadTenantFolder(join(__dirname, '../../../../../tenants/lao-cai'));
    if (!folder.ok) throw new Error('seed does not load');
    table = folder.definition.ruleSet.payments!.royalties!;
  });

  it('a portal news item: 1 point × the unit value in force on the publication day', () => {
    expect(royaltyFor(table, { type: 'news', channel: 'portal', publishedOn: '2026-11-23' })).toEqual({
      genre: 'tin',
      points: 1,
      unitValue: 234000,
      unitValueBasis: '10% lương cơ sở 2.340.000 đ (NĐ 73/2024)',
      share: 1,
      amount: 234000,
      currency: 'VND',
    });
    // The day before the base salary rose, the older value applies.
    expect(royaltyFor(table, { type: 'news', channel: 'portal', publishedOn: '2024-06-30' })?.amount).toBe(180000);
    expect(royaltyFor(table, { type: 'news', channel: 'portal', publishedOn: '2024-07-01' })?.amount).toBe(234000);
  });

  it('a chosen genre, and points within its range', () => {
    expect(royaltyFor(table, { type: 'news', channel: 'portal', publishedOn: '2026-11-23' }, { genre: 'tin-co-anh' })?.amount).toBe(351000);
    expect(
      royaltyFor(table, { type: 'thematic', channel: 'portal', publishedOn: '2026-11-23' }, { genre: 'bai-binh-luan', points: 3 })?.amount,
    ).toBe(702000);
    expect(() =>
      royaltyFor(table, { type: 'thematic', channel: 'portal', publishedOn: '2026-11-23' }, { genre: 'bai-binh-luan', points: 3.5 }),
    ).toThrow(expect.objectContaining({ code: 'ROYALTY_CHOICE_INVALID' }));
    expect(() => royaltyFor(table, { type: 'news', channel: 'portal', publishedOn: '2026-11-23' }, { genre: 'khong-co' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'royalty.genre' })] }),
    );
    expect(() => royaltyFor(table, { type: 'faq', channel: 'portal', publishedOn: '2026-11-23' }, { genre: 'tin' })).toThrow(
      expect.objectContaining({ fields: [{ field: 'royalty.genre', message: 'Thể loại "tin" không dùng cho faq.' }] }),
    );
  });

  it('a sub-site item earns nothing (only portal contributions are paid in Lào Cai)', () => {
    expect(royaltyFor(table, { type: 'news', channel: 'subsite', publishedOn: '2026-11-23' })).toBeNull();
  });
});
