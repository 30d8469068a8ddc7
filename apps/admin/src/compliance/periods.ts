import { dayjs, formatDay, provinceZone } from '../format/dates';

/** The kinds of period the rules judge and report on. Months, quarters, half-years and years are calendar ones; weeks start on Monday. */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'half-year' | 'year';

export const PERIOD_KINDS: PeriodKind[] = ['week', 'month', 'quarter', 'half-year', 'year'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  week: 'Tuần',
  month: 'Tháng',
  quarter: 'Quý',
  'half-year': '6 tháng',
  year: 'Năm',
};

/** A period: its first day and the day after its last (YYYY-MM-DD), as the API gives them. */
export interface Range {
  start: string;
  end: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const DAY = 'YYYY-MM-DD';

export const isPeriodKind = (value: string | null | undefined): value is PeriodKind => PERIOD_KINDS.includes(value as PeriodKind);

/** Today in the province (YYYY-MM-DD). */
export const provinceToday = (): string => dayjs().tz(provinceZone()).format(DAY);

/** The period of `kind` holding `date`. */
export function periodOf(kind: PeriodKind, date: string): Range {
  const d = dayjs(date);
  const monthStart = (month: number) => d.month(month).startOf('month');
  const start =
    kind === 'week'
      ? d.startOf('week')
      : kind === 'month'
        ? d.startOf('month')
        : kind === 'quarter'
          ? monthStart(Math.floor(d.month() / 3) * 3)
          : kind === 'half-year'
            ? monthStart(d.month() < 6 ? 0 : 6)
            : d.startOf('year');
  const length = { week: [1, 'week'], month: [1, 'month'], quarter: [3, 'month'], 'half-year': [6, 'month'], year: [1, 'year'] } as const;
  const [n, unit] = length[kind];
  return { start: start.format(DAY), end: start.add(n, unit).format(DAY) };
}

/** How officials name a period, as the API's reports do: "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026". */
export function periodLabel(kind: PeriodKind, range: Range): string {
  const start = dayjs(range.start);
  const last = dayjs(range.end).subtract(1, 'day');
  switch (kind) {
    case 'week':
      return `Tuần ${start.format('DD/MM')}–${last.format('DD/MM/YYYY')}`;
    case 'month':
      return `Tháng ${start.month() + 1}/${start.year()}`;
    case 'quarter':
      return `Quý ${ROMAN[Math.floor(start.month() / 3)]}/${start.year()}`;
    case 'half-year':
      return `6 tháng ${start.month() === 0 ? 'đầu' : 'cuối'} năm ${start.year()}`;
    case 'year':
      return `Năm ${start.year()}`;
  }
}

/** A period written inclusively, as on paper: "01/11/2026 – 30/11/2026". */
export const inclusiveRange = (range: Range): string =>
  `${formatDay(range.start)} – ${formatDay(dayjs(range.end).subtract(1, 'day').format(DAY))}`;

/** How many periods of each kind the pickers offer, the current one included. */
const OFFERED: Record<PeriodKind, number> = { week: 12, month: 12, quarter: 8, 'half-year': 4, year: 3 };

/** The periods of `kind` a picker offers, newest first: from the one holding `today` back (`ended`: only those over). */
export function recentPeriods(kind: PeriodKind, today: string, ended = false): Range[] {
  const periods: Range[] = [];
  let period = periodOf(kind, today);
  if (ended) period = periodOf(kind, dayjs(period.start).subtract(1, 'day').format(DAY));
  for (let i = 0; i < OFFERED[kind]; i++) {
    periods.push(period);
    period = periodOf(kind, dayjs(period.start).subtract(1, 'day').format(DAY));
  }
  return periods;
}

/** The last period of `kind` that is over (the one a report or a statement is usually made for). */
export const lastEnded = (kind: PeriodKind, today: string): Range => recentPeriods(kind, today, true)[0];

/** Whether the period is over in the province today. */
export const hasEnded = (range: Range, today: string): boolean => range.end <= today;

/** A month (YYYY-MM) as officials write it: 11/2026. */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The last `count` months (YYYY-MM), newest first, from the one holding `today` (`ended`: from the month before). */
export function recentMonths(today: string, ended = false, count = 12): string[] {
  const first = dayjs(today)
    .startOf('month')
    .subtract(ended ? 1 : 0, 'month');
  return Array.from({ length: count }, (_, i) => first.subtract(i, 'month').format('YYYY-MM'));
}
