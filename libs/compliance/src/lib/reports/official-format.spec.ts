import { dmy, money } from '@cong/rules';
import { PeriodResults } from '../progress/compliance-evaluation';
import { deadlineItemLabel, inclusiveRange } from './official-format';
import { reportRows } from './report-rows';

describe('how officials read figures (issue 13.14)', () => {
  it('dates dd/mm/yyyy, periods written inclusively, money with the Vietnamese thousands separator', () => {
    expect(dmy('2027-03-31')).toBe('31/03/2027');
    expect(inclusiveRange({ start: '2027-01-01', end: '2027-04-01' })).toBe('01/01/2027 – 31/03/2027');
    expect(inclusiveRange({ start: '2026-02-01', end: '2026-03-01' })).toBe('01/02/2026 – 28/02/2026');
    expect([money(1234567), money(999), money(0), money(46800), money(-1500)]).toEqual(['1.234.567', '999', '0', '46.800', '-1.500']);
  });

  it('NA-5.6, NA-8.4: answers to citizens are counted apart from documents', () => {
    const deadline = (rule: string, contentType: string | undefined, status: 'on_time' | 'late' | 'missing' | 'pending') =>
      ({
        rule,
        requirement: 'NA-8.4',
        itemId: `${rule}-${status}`,
        unit: 'so-tu-phap',
        contentType,
        due: '2026-02-10',
        publishedOn: null,
        status,
        daysLate: 0,
      }) as PeriodResults['deadlines'][number];
    const results: PeriodResults = {
      range: { start: '2026-01-01', end: '2026-04-01' },
      ruleVersions: [1],
      quotas: [],
      schedules: [],
      deadlines: [
        deadline('docs', 'legal_document', 'late'),
        deadline('docs', 'legal_document', 'pending'),
        deadline('answers', 'faq', 'on_time'),
        deadline('old', undefined, 'missing'),
      ],
    };
    const { rows, totals } = reportRows(results, [], new Map([['so-tu-phap', 'Sở Tư pháp']]), () => true);
    expect(rows[0]).toMatchObject({
      unitName: 'Sở Tư pháp',
      onTime: 1,
      lateOrMissing: 2,
      deadlines: {
        legal_document: { onTime: 0, lateOrMissing: 1 },
        faq: { onTime: 1, lateOrMissing: 0 },
        old: { onTime: 0, lateOrMissing: 1 },
      },
    });
    expect(totals.deadlines).toEqual(rows[0].deadlines);
    expect([deadlineItemLabel('legal_document'), deadlineItemLabel('faq')]).toEqual(['Văn bản', 'Câu trả lời công dân']);
  });
});
