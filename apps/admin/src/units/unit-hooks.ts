import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formPathOf } from '../content/type-fields';

/** Every unit of the province, deactivated ones too (the screen hides them unless asked). */
export function useUnitTree() {
  return useQuery({
    queryKey: ['units', { inactive: true }],
    queryFn: () => ok(api.GET('/api/v1/units', { params: { query: { inactive: 'true' } } })),
  });
}

type UnitKind = Schemas['UnitKindResponse'];

/**
 * The kinds the rules in force declare, with the rule file's Vietnamese names: `label(kind)` for
 * showing one (its code when the rules no longer declare it), `options` for choosing one.
 */
export function useUnitKinds() {
  const kinds = useQuery({ queryKey: ['units', 'kinds'], queryFn: () => ok(api.GET('/api/v1/units/kinds')), staleTime: 300_000 });
  const list: UnitKind[] = kinds.data ?? [];
  return {
    label: (kind: string): string => list.find((k) => k.kind === kind)?.label ?? kind,
    options: list.map((k) => ({ value: k.kind, label: k.label })).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  };
}

/** A unit's information team: who holds unit_head and unit_editor there, and who leads it (NA-8.1, LC-3.1a). */
export function useTeam(code: string) {
  return useQuery({
    queryKey: ['units', code, 'team'],
    queryFn: () => ok(api.GET('/api/v1/units/{code}/team', { params: { path: { code } } })),
  });
}

/**
 * After a change of the tree, every query under `units`: the lookups' `useUnits()` (names in every
 * list and filter), this screen's tree, a unit's profile and its team. The mutation ends once the
 * tree on screen is the new one.
 */
function useRefreshUnits() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['units'] });
}

export function useAddUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (body: Schemas['CreateUnitRequest']) => ok(api.POST('/api/v1/units', { body })),
    onSuccess: refresh,
  });
}

/** Rename, change the kind, move under another unit (`parent`; null: the top of the tree). */
export function useChangeUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: Schemas['UpdateUnitRequest'] }) =>
      ok(api.PATCH('/api/v1/units/{code}', { params: { path: { code } }, body })),
    onSuccess: refresh,
  });
}

/** Units are never deleted; the API refuses one with active sub-units. */
export function useDeactivateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (code: string) => ok(api.DELETE('/api/v1/units/{code}', { params: { path: { code } } })),
    onSuccess: refresh,
  });
}

/** Names the team's leader (one holding unit_head at the unit), or clears it with null. */
export function useSetTeamLeader(code: string) {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (userId: string | null) =>
      ok(api.PUT('/api/v1/units/{code}/team/leader', { params: { path: { code } }, body: { userId } })),
    onSuccess: refresh,
  });
}

/**
 * A refusal's field messages, as antd's `form.setFields` takes them. The platform's validation
 * words each field in Vietnamese; the units' own refusals (a code taken, a kind the rules do not
 * declare, an unknown parent, a cycle) say it in their detail, their field notes being in English.
 */
export function fieldErrors(error: unknown): { name: never; errors: string[] }[] {
  if (!(error instanceof ApiProblem)) return [];
  const own = error.code !== 'PLATFORM_VALIDATION_FAILED';
  return error.fields.map((f) => ({ name: formPathOf(f.field) as never, errors: [own ? error.message : f.message] }));
}
