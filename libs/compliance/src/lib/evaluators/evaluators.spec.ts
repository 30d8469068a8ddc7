import { formatProblem, loadTenantFolder, ProvinceCalendar, RuleSet } from '@cong/rules';
import { join } from 'node:path';
import { evaluateDeadline } from './deadline.evaluator';
import { PublicationFact, UnitFact } from './facts';
import { evaluateQuota } from './quota.evaluator';
import { evaluateSchedule } from './schedule.evaluator';

const TENANTS = join(__dirname, '../../../../../tenants');
const FIXTURES = join(__dirname, '../../../../rules/test/fixtures');

async function rulesOf(dir: string): Promise<RuleSet> {
  const result = await loadTenantFolder(dir);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.definition.ruleSet;
}

/** Hà Nội time (UTC+7) → the instant. */
const hcm = (local: string) => new Date(`${local}+07:00`);
let n = 0;
const post = (unit: string, local: string, type = 'news', channel = 'subsite'): PublicationFact => ({
  itemId: `item-${++n}`,
  unit,
  type,
  channel,
  publishedAt: hcm(local),
});

describe('compliance evaluators on the seed provinces', () => {
  let laoCai: RuleSet;
  let ngheAn: RuleSet;
  let tinhMau: RuleSet;
  beforeAll(async () => {
    laoCai = await rulesOf(join(TENANTS, 'lao-cai'));
    ngheAn = await rulesOf(join(TENANTS, 'nghe-an'));
    tinhMau = await rulesOf(join(FIXTURES, 'tinh-mau'));
  });
  const calendarOf = (rules: RuleSet) => new ProvinceCalendar(rules.timezone, rules.calendar);

  it('LC-2.3a: a department posting on Monday and Thursday misses Wednesday and Friday', () => {
    const calendar = calendarOf(laoCai);
    const week = calendar.periodOf('week', '2026-11-18');
    expect(week).toEqual({ start: '2026-11-16', end: '2026-11-23' });
    const units: UnitFact[] = [
      { code: 'so-y-te', kind: 'department' },
      { code: 'bao-lao-cai', kind: 'press' },
    ];
    const facts = [post('so-y-te', '2026-11-16T09:00:00'), post('so-y-te', '2026-11-19T15:00:00')];
    const [result] = evaluateSchedule(
      laoCai.schedules.find((s) => s.requirement === 'LC-2.3a')!,
      week,
      units,
      facts,
      calendar,
    );
    expect(result).toMatchObject({
      unit: 'so-y-te',
      requiredDays: ['2026-11-16', '2026-11-18', '2026-11-20'],
      missedDays: ['2026-11-18', '2026-11-20'],
      met: false,
    });
    expect(result.days[0].evidence).toEqual([facts[0].itemId]);
  });

  it('LC-2.3b: press units post every day; holidays are not required days', () => {
    const calendar = calendarOf(laoCai);
    const week = calendar.periodOf('week', '2026-09-02'); // 2026-09-01 and 02 are holidays
    const facts = ['2026-08-31', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06'].map((d) => post('bao-lao-cai', `${d}T07:00:00`));
    const [result] = evaluateSchedule(
      laoCai.schedules.find((s) => s.requirement === 'LC-2.3b')!,
      week,
      [{ code: 'bao-lao-cai', kind: 'press' }],
      facts,
      calendar,
    );
    expect(result.requiredDays).toEqual(['2026-08-31', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06']);
    expect(result.met).toBe(true);
    const lc23a = evaluateSchedule(
      laoCai.schedules.find((s) => s.requirement === 'LC-2.3a')!,
      week,
      [{ code: 'so-y-te', kind: 'department' }],
      [],
      calendar,
    )[0];
    expect(lc23a.requiredDays).toEqual(['2026-08-31', '2026-09-04']); // Wednesday 2 September is Quốc khánh
  });

  it('NA-8.2: one item in a week fails the quota of two; two pass; only the counted types count', () => {
    const calendar = calendarOf(ngheAn);
    const week = calendar.periodOf('week', '2026-11-18');
    const units: UnitFact[] = [
      { code: 'so-tai-chinh', kind: 'department' },
      { code: 'tp-vinh', kind: 'city' },
    ];
    const facts = [
      post('so-tai-chinh', '2026-11-17T10:00:00'),
      post('tp-vinh', '2026-11-17T10:00:00'),
      post('tp-vinh', '2026-11-20T10:00:00', 'announcement'),
      post('so-tai-chinh', '2026-11-19T10:00:00', 'faq'), // not a type NA-8.2 counts
    ];
    const results = evaluateQuota(ngheAn.quotas[0], week, units, facts, calendar);
    expect(results.map((r) => [r.unit, r.counted, r.met])).toEqual([
      ['so-tai-chinh', 1, false],
      ['tp-vinh', 2, true],
    ]);
  });

  it('counts by the province’s day: 23:30 Sunday and 00:30 Monday Hà Nội time fall in different weeks', () => {
    const calendar = calendarOf(ngheAn);
    const sunday = post('tp-vinh', '2026-11-22T23:30:00');
    const monday = post('tp-vinh', '2026-11-23T00:30:00');
    expect(monday.publishedAt.toISOString()).toBe('2026-11-22T17:30:00.000Z'); // still Sunday in UTC
    const count = (local: string) =>
      evaluateQuota(ngheAn.quotas[0], calendar.periodOf('week', local), [{ code: 'tp-vinh', kind: 'city' }], [sunday, monday], calendar)[0]
        .evidence;
    expect(count('2026-11-22')).toEqual([sunday.itemId]);
    expect(count('2026-11-23')).toEqual([monday.itemId]);
  });

  it('NA-8.4: legal documents on time, late by so many days, missing, or pending, by their effective date', () => {
    const calendar = calendarOf(ngheAn);
    const deadline = ngheAn.deadlines[0];
    const doc = (itemId: string, effectiveFrom: string, published: string | null) => ({
      itemId,
      unit: 'so-tu-phap',
      type: 'legal_document',
      channel: 'subsite',
      dates: { effectiveFrom },
      publishedAt: published ? hcm(published) : null,
    });
    const results = evaluateDeadline(
      deadline,
      [{ code: 'so-tu-phap', kind: 'department' }],
      [
        doc('early', '2026-12-01', '2026-11-30T16:00:00'),
        doc('same-day', '2026-12-01', '2026-12-01T23:59:00'),
        doc('late', '2026-12-01', '2026-12-03T08:00:00'),
        doc('missing', '2026-11-25', null),
        doc('pending', '2026-12-10', null),
      ],
      calendar,
      '2026-12-05',
    );
    expect(results.map((r) => [r.itemId, r.due, r.status, r.daysLate])).toEqual([
      ['early', '2026-12-01', 'on_time', 0],
      ['same-day', '2026-12-01', 'on_time', 0],
      ['late', '2026-12-01', 'late', 2],
      ['missing', '2026-11-25', 'missing', 10],
      ['pending', '2026-12-10', 'pending', 0],
    ]);
  });

  it('a deadline in working days skips weekends and the province’s holidays', () => {
    const calendar = calendarOf(tinhMau);
    const deadline = tinhMau.deadlines.find((d) => d.id === 'legal-documents')!; // 2 working days from issuedOn
    const fact = {
      itemId: 'qd',
      unit: 'so-noi-vu',
      type: 'legal_document',
      channel: 'subsite',
      dates: { issuedOn: '2026-08-31' },
      publishedAt: hcm('2026-09-04T09:00:00'),
    };
    const [result] = evaluateDeadline(deadline, [{ code: 'so-noi-vu', kind: 'department' }], [fact], calendar, '2026-09-10');
    // Tue 1 September is the 1st working day, Wed 2 September a holiday, Thu 3 the 2nd: due Thursday; Friday is 1 working day late.
    expect(result).toMatchObject({ due: '2026-09-03', status: 'late', daysLate: 1 });
    expect(calendar.addDays('2026-09-04', 1, 'working')).toBe('2026-09-07');
  });

  it('computes months, quarters, half-years and years in the province’s calendar', () => {
    const calendar = calendarOf(laoCai);
    expect(calendar.periodOf('month', '2026-11-30')).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(calendar.periodOf('quarter', '2026-11-30')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(calendar.periodOf('half-year', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2026-07-01' });
    expect(calendar.periodOf('year', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2027-01-01' });
  });
});
