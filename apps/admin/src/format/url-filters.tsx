import { DatePicker, Form } from 'antd';
import { useSearchParams } from 'react-router';
import { dayjs, provinceZone } from './dates';

/**
 * A list's filters kept in the address, so a filtered list can be shared: `names` maps each filter
 * to its (Vietnamese) search parameter, e.g. `{ actor: 'nguoi' }` → `?nguoi=…`.
 */
export function useUrlFilters<Name extends string>(names: Record<Name, string>) {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(Object.entries<string>(names).map(([k, p]) => [k, params.get(p) ?? undefined])) as Partial<
    Record<Name, string>
  >;
  const set = (changes: Partial<Record<Name, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes) as [Name, string | undefined][]) {
      if (value) next.set(names[key], value);
      else next.delete(names[key]);
    }
    setParams(next, { replace: true });
  };
  return { filter, set };
}

/** A day of the province (YYYY-MM-DD) as the instant it starts there. */
const startOf = (day: string) => dayjs.tz(day, provinceZone()).toISOString();

/** Days from–to (both included, in the province's zone) as the API's half-open range of instants. */
export function instantRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  return {
    from: from ? startOf(from) : undefined,
    to: to ? startOf(dayjs(to).add(1, 'day').format('YYYY-MM-DD')) : undefined,
  };
}

/** The "Ngày" filter of a log: two days picked as dd/mm/yyyy, kept as YYYY-MM-DD. */
export function DayRangeFilter({
  from,
  to,
  onChange,
}: {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
}) {
  return (
    <Form.Item label="Ngày" htmlFor="filter-days">
      <DatePicker.RangePicker
        id={{ start: 'filter-days' }}
        format="DD/MM/YYYY"
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
    </Form.Item>
  );
}
