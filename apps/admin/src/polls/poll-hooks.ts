import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';
import { useMe, useSites, useUnits } from '../session/lookups';
import { codesActedFor } from '../units/unit-tree';

export type Poll = Schemas['PollResponse'];
export type PollPhase = Poll['phase'];
export type NewPoll = Schemas['CreatePollRequest'];
export type PollChanges = Schemas['UpdatePollRequest'];
type Site = Schemas['SiteResponse'];

/** Every query of this screen starts with it: a change refreshes the list and the poll open. */
const POLLS = 'polls';

/** The roles holding `polls.manage`: the IT centre and the editorial board on any site, a unit's head on their units' sub-sites. */
const MANAGING_ROLES = ['tenant_admin', 'editorial_board', 'unit_head'];

/** Whether the menu offers the polls screen, from the roles the session holds (the API judges each site). */
export function usePollRoles(): { manages: boolean } {
  const roles = useMe().data?.roles ?? [];
  return { manages: roles.some((r) => MANAGING_ROLES.includes(r)) };
}

/**
 * The sites I may run polls on, as the API decides it (`holdsFor('polls.manage', lineage)`): every
 * site for a province-wide holder; for a unit's head, the sub-sites of their units and of the units
 * below them. `all` keeps inactive sites too (for the list's filter), `open` only those active.
 */
export function useManagedSites(): { all: Site[]; open: Site[]; title: (key: string) => string; loading: boolean } {
  const me = useMe();
  const sites = useSites();
  const units = useUnits();
  const memberships = (me.data?.memberships ?? []).filter((m) => MANAGING_ROLES.includes(m.role));
  const tree = units.data ?? [];
  const reach = codesActedFor(
    tree,
    memberships.map((m) => m.unitId ?? null),
  );
  const every = sites.data ?? [];
  const all = every.filter((s) => reach === 'all' || (s.kind === 'subsite' && reach.has(s.key)));
  const title = (key: string) =>
    every.find((s) => s.key === key)?.title ??
    (key === 'portal' ? 'Cổng thông tin điện tử tỉnh' : `Chuyên trang ${tree.find((u) => u.code === key)?.name ?? key}`);
  return { all, open: all.filter((s) => s.active), title, loading: me.isLoading || sites.isLoading || units.isLoading };
}

/** The polls of the sites I manage (or of one), newest first, each with its results. */
export function usePolls(site: string | undefined) {
  return useQuery({
    queryKey: [POLLS, 'list', site ?? null],
    queryFn: () => ok(api.GET('/api/v1/polls', { params: { query: { site } } })),
  });
}

export function usePoll(id: string) {
  return useQuery({
    queryKey: [POLLS, 'one', id],
    queryFn: () => ok(api.GET('/api/v1/polls/{id}', { params: { path: { id } } })),
  });
}

/** After a change the API answers the poll as it now stands: shown at once, and the lists asked again. */
function usePollChange<Input>(run: (input: Input) => Promise<Poll>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (poll) => {
      client.setQueryData([POLLS, 'one', poll.id], poll);
      await client.invalidateQueries({ queryKey: [POLLS, 'list'] });
    },
  });
}

/** Asks every poll query again (after a refusal that says the poll changed phase meanwhile). */
export function usePollRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [POLLS] });
}

export function useCreatePoll() {
  return usePollChange((body: NewPoll) => ok(api.POST('/api/v1/polls', { body })));
}

/** Anything before the poll opens; once open, `closesAt` only (a past end ends it now). */
export function useChangePoll(id: string) {
  return usePollChange((body: PollChanges) => ok(api.PATCH('/api/v1/polls/{id}', { params: { path: { id } }, body })));
}

/** Taken off the portal; kept with its votes. */
export function useWithdrawPoll(id: string) {
  return usePollChange(() => ok(api.POST('/api/v1/polls/{id}/withdraw', { params: { path: { id } } })));
}

/** The results as a file (CSV or XLSX), asked with the console's client (the session's token). */
export const resultsFile = (id: string, format: 'xlsx' | 'csv') =>
  api.GET('/api/v1/polls/{id}/results', { params: { path: { id }, query: { format } }, parseAs: 'blob' });

/** The fields of the poll's form, as the API names them in a refusal (`errors[].field`). */
export const POLL_FIELDS = ['site', 'question', 'description', 'choice', 'maxChoices', 'options', 'opensAt', 'closesAt', 'resultsShown'];
