import { Select } from 'antd';
import type { ReactNode } from 'react';
import { inclusiveRange, PERIOD_KIND_LABELS, periodLabel, periodOf, type PeriodKind, provinceToday, recentPeriods } from './periods';

/**
 * Which period to look at (inside a FilterBar): its kind (when there is a choice) and one of the recent periods of
 * that kind, named as officials name them ("Tháng 11/2026 (01/11/2026 – 30/11/2026)").
 */
export function PeriodPicker({
  kinds,
  kind,
  date,
  onChange,
  ended = false,
  kindLabel = 'Loại kỳ',
  label = 'Kỳ',
}: {
  kinds: PeriodKind[];
  kind: PeriodKind;
  /** Any day of the chosen period. */
  date: string;
  onChange: (kind: PeriodKind, date: string) => void;
  /** Only periods that are over (a certification, for instance). */
  ended?: boolean;
  kindLabel?: string;
  label?: string;
}) {
  const today = provinceToday();
  const chosen = periodOf(kind, date).start;
  const periods = recentPeriods(kind, today, ended);
  // A period chosen in the address that the list does not reach is offered too.
  if (!periods.some((p) => p.start === chosen)) periods.push(periodOf(kind, date));
  return (
    <>
      {kinds.length > 1 && (
        <Select<PeriodKind>
          aria-label={kindLabel}
          value={kind}
          style={{ width: 140 }}
          onChange={(next) => onChange(next, recentPeriods(next, today, ended)[0].start)}
          options={kinds.map((k) => ({ value: k, label: PERIOD_KIND_LABELS[k] }))}
        />
      )}
      <Select<string>
        aria-label={label}
        value={chosen}
        style={fieldWidth(360)}
        onChange={(start) => onChange(kind, start)}
        options={periods.map((p) => ({ value: p.start, label: `${periodLabel(kind, p)} (${inclusiveRange(p)})` }))}
      />
    </>
  );
}

/** A row of filters that wraps on a phone; a field is never wider than the screen (`fieldWidth`). */
export function FilterBar({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>{children}</div>;
}

/** A filter's width: `px` where there is room, the whole row on a narrower screen. */
export const fieldWidth = (px: number) => ({ width: `min(${px}px, 100%)` });
