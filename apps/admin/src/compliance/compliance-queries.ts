import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { dayjs } from '../format/dates';
import { isPeriodKind, type PeriodKind, provinceToday } from './periods';

/**
 * The API's compliance answers as TanStack queries, one key each, so a tab and the page's check of
 * which tabs the province's rules have share one answer.
 */
export const complianceQueries = {
  results: (kind: PeriodKind, date: string) =>
    queryOptions({
      queryKey: ['compliance', 'results', kind, date],
      queryFn: () => ok(api.GET('/api/v1/compliance/results', { params: { query: { period: kind, date } } })),
    }),
  /** Reports of ended periods, due, late or delivered, on `asOf` (default today). */
  deliveries: (asOf?: string) =>
    queryOptions({
      queryKey: ['compliance', 'report-deliveries', asOf ?? 'today'],
      queryFn: () => ok(api.GET('/api/v1/compliance/reports', { params: { query: { status: 'all', asOf } } })),
      staleTime: 60_000,
    }),
  report: (report: string, kind: PeriodKind, date: string) =>
    queryOptions({
      queryKey: ['compliance', 'report', report, kind, date],
      queryFn: () =>
        // Asked as JSON: the CSV and XLSX answers of the same route are files (download.tsx).
        ok(
          api.GET('/api/v1/compliance/reports/{report}', { params: { path: { report }, query: { period: kind, date, format: 'json' } } }),
        ).then((doc) => doc as Schemas['ReportDocumentResponse']),
    }),
  volumeDraft: (date: string) =>
    queryOptions({
      queryKey: ['compliance', 'volume-draft', date],
      queryFn: () => ok(api.GET('/api/v1/compliance/volume-statements/draft', { params: { query: { date } } })),
    }),
  volumeStatements: (from: string, to: string) =>
    queryOptions({
      queryKey: ['compliance', 'volume-statements', from, to],
      queryFn: () => ok(api.GET('/api/v1/compliance/volume-statements', { params: { query: { from, to } } })),
    }),
  royalties: (month: string) =>
    queryOptions({
      queryKey: ['compliance', 'royalties', month],
      queryFn: () =>
        ok(api.GET('/api/v1/compliance/royalties', { params: { query: { month, format: 'json' } } })).then(
          (statement) => statement as Schemas['RoyaltyStatementResponse'],
        ),
    }),
  /** `kind` undefined: the first kind the rules score by. */
  emulation: (kind: PeriodKind | undefined, date: string) =>
    queryOptions({
      queryKey: ['compliance', 'emulation', kind ?? 'default', date],
      queryFn: () => ok(api.GET('/api/v1/compliance/emulation', { params: { query: { period: kind, date } } })),
    }),
};

/** A report the province's rules name, with the kinds of period it is made for. */
export interface ReportEntry {
  id: string;
  name: string;
  requirement: string;
  kinds: PeriodKind[];
}

/** What the page may show: `undefined` while the API is still asked. */
export interface Catalogue {
  reports: ReportEntry[] | undefined;
  /** The period of the certified volume statement (NA-10.1), or null when the rules ask for none. */
  volumeKind: PeriodKind | null | undefined;
  royalties: boolean | undefined;
  /** The first kind of period emulation is scored by (LC-3.4), or null when the rules score none. */
  emulationKind: PeriodKind | null | undefined;
}

/** A refusal that means "not for this province or this role": the rules have no such thing (404), or the role may not see it (403). */
const absent = (query: UseQueryResult<unknown, Error>) =>
  query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 403);

/** The answer, null when absent, undefined while asked; another failure keeps the section shown, to say so there. */
function probe<T, R>(query: UseQueryResult<T, Error>, read: (data: T) => R, fallback: R): R | null | undefined {
  if (query.isPending) return undefined;
  if (query.isError) return absent(query) ? null : fallback;
  return read(query.data);
}

function reportsOf(lists: Schemas['ReportDueResponse'][][]): ReportEntry[] {
  const reports = new Map<string, ReportEntry>();
  for (const due of lists.flat()) {
    const entry = reports.get(due.report) ?? { id: due.report, name: due.name, requirement: due.requirement, kinds: [] };
    if (isPeriodKind(due.period.kind) && !entry.kinds.includes(due.period.kind)) entry.kinds.push(due.period.kind);
    reports.set(due.report, entry);
  }
  const order = ['week', 'month', 'quarter', 'half-year', 'year'];
  for (const r of reports.values()) r.kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...reports.values()];
}

/**
 * Which parts of the compliance screens the province's rules have, learnt from the API's own
 * answers (the console knows no rule): a 404 means the rules have none.
 *
 * The API has no list of the rules' reports; the list of reports due gives their ids and kinds of
 * period. Asked for a day a year ahead too, it names every report the rules make even before a
 * province's first period has ended (only the names and kinds are read from that answer).
 */
export function useCatalogue(): Catalogue {
  const today = provinceToday();
  const ahead = dayjs(today).add(1, 'year').format('YYYY-MM-DD');
  const dueNow = useQuery({ ...complianceQueries.deliveries(), staleTime: 300_000 });
  const dueAhead = useQuery({ ...complianceQueries.deliveries(ahead), staleTime: 300_000 });
  const volume = useQuery({ ...complianceQueries.volumeDraft(today), staleTime: 300_000 });
  const royalties = useQuery({ ...complianceQueries.royalties(today.slice(0, 7)), staleTime: 300_000 });
  const emulation = useQuery({ ...complianceQueries.emulation(undefined, today), staleTime: 300_000 });

  let reports: ReportEntry[] | undefined;
  if (absent(dueNow)) reports = [];
  else if (!dueNow.isPending && !dueAhead.isPending) reports = reportsOf([dueNow.data?.reports ?? [], dueAhead.data?.reports ?? []]);

  return {
    reports,
    volumeKind: probe(volume, (d) => (isPeriodKind(d.period.kind) ? d.period.kind : 'quarter'), 'quarter'),
    royalties: probe(royalties, () => true, true) ?? (royalties.isPending ? undefined : false),
    emulationKind: probe(emulation, (d) => (isPeriodKind(d.period.kind) ? d.period.kind : 'month'), 'month'),
  };
}
