import { Emulation } from '@cong/rules';
import { PeriodResults } from '../progress/compliance-evaluation';
import { emulationScores } from './emulation-score';

const emulation = Object.assign(new Emulation(), {
  requirement: 'LC-3.4',
  periods: ['month'],
  weights: [
    { rule: 'update-days', weight: 1 },
    { rule: 'daily-socio-economic-news', weight: 1 },
  ],
  maxScore: 100,
});
const period = { start: '2026-11-01', end: '2026-12-01' };
const schedule = (unit: string, rule: string, required: number, missed: number) => ({
  rule,
  requirement: 'LC-2.3',
  unit,
  period,
  requiredDays: Array.from({ length: required }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`),
  days: [],
  missedDays: Array.from({ length: missed }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`),
  met: missed === 0,
});

describe('emulation scores and ranking (LC-3.4)', () => {
  it('scores each unit on the weighted rules that bind it, and ranks the province (ties share a rank)', () => {
    const results: PeriodResults = {
      range: period,
      ruleVersions: [1],
      quotas: [],
      schedules: [
        schedule('so-y-te', 'update-days', 12, 0), // 100 %
        schedule('so-giao-duc', 'update-days', 12, 3), // 75 %
        schedule('so-tai-chinh', 'update-days', 12, 3), // 75 %
        schedule('bao-lao-cai', 'daily-socio-economic-news', 30, 6), // 80 %, its only duty
        schedule('so-xay-dung', 'update-days', 0, 0), // nothing judged (all holidays, say)
      ],
      deadlines: [],
    };
    expect(emulationScores(results, emulation).map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['so-y-te', 100, 1],
      ['bao-lao-cai', 80, 2],
      ['so-giao-duc', 75, 3],
      ['so-tai-chinh', 75, 3],
      ['so-xay-dung', null, null],
    ]);
  });

  it('weights rules: a unit bound by both rules gets their weighted mean', () => {
    const weighted = Object.assign(new Emulation(), {
      ...emulation,
      weights: [
        { rule: 'update-days', weight: 3 },
        { rule: 'daily-socio-economic-news', weight: 1 },
      ],
    });
    const results: PeriodResults = {
      range: period,
      ruleVersions: [1],
      quotas: [],
      deadlines: [],
      schedules: [schedule('bao', 'update-days', 10, 0), schedule('bao', 'daily-socio-economic-news', 10, 10)],
    };
    expect(emulationScores(results, weighted)[0]).toMatchObject({
      unit: 'bao',
      score: 75,
      rank: 1,
      parts: [
        { rule: 'update-days', weight: 3, rate: 100 },
        { rule: 'daily-socio-economic-news', weight: 1, rate: 0 },
      ],
    });
  });
});
