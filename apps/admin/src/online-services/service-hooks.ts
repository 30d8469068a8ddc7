import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../session/lookups';

export type OnlineService = Schemas['OnlineServiceResponse'];
export type ServiceStatus = OnlineService['status'];
export type ServiceLevel = OnlineService['level'];
export type ServiceQuery = NonNullable<paths['/api/v1/online-services']['get']['parameters']['query']>;
export type Decision = Schemas['DecideOnlineService']['status'];

/** Every query of this screen starts with it. */
const SERVICES = 'online-services';

/** The capabilities `onlineServices.read`, `.register` and `.decide` (docs/access-control.md), as the menu decides. */
const READING_ROLES = ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'];
const REGISTERING_ROLES = ['tenant_admin', 'unit_head', 'unit_editor'];
const DECIDING_ROLES = ['tenant_admin', 'editorial_council'];

/** Whether the menu offers the registry, its "register" button, and the units I register for (null: any). */
export function useServiceRoles() {
  const memberships = useMe().data?.memberships ?? [];
  return {
    reads: memberships.some((m) => READING_ROLES.includes(m.role)),
    registers: memberships.some((m) => REGISTERING_ROLES.includes(m.role)),
    decides: memberships.some((m) => DECIDING_ROLES.includes(m.role) && !m.unitId),
    registeringUnits: memberships.filter((m) => REGISTERING_ROLES.includes(m.role)).map((m) => m.unitId ?? null),
  };
}

/** The registry, newest first, 50 at a time ("Xem thêm"). */
export function useServiceList(query: Omit<ServiceQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [SERVICES, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/online-services', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useService(id: string) {
  return useQuery({
    queryKey: [SERVICES, 'one', id],
    queryFn: () => ok(api.GET('/api/v1/online-services/{id}', { params: { path: { id } } })),
  });
}

/** After a change the API answers the entry as it now stands: shown at once, and the list asked again. */
function useServiceChange<Input>(run: (input: Input) => Promise<OnlineService>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (service) => {
      client.setQueryData([SERVICES, 'one', service.id], service);
      await client.invalidateQueries({ queryKey: [SERVICES, 'list'] });
    },
  });
}

export const useRegisterService = () =>
  useServiceChange((body: Schemas['RegisterOnlineService']) => ok(api.POST('/api/v1/online-services', { body })));

export const useChangeService = (id: string) =>
  useServiceChange((body: Schemas['ChangeOnlineService']) =>
    ok(api.PATCH('/api/v1/online-services/{id}', { params: { path: { id } }, body })),
  );

export const useDecideService = (id: string) =>
  useServiceChange((body: Schemas['DecideOnlineService']) =>
    ok(api.POST('/api/v1/online-services/{id}/decision', { params: { path: { id } }, body })),
  );

/** The published procedures of a unit, found by words (accents ignored): what an entry may serve. */
export function useProcedures(unit: string | undefined, q: string) {
  return useQuery({
    enabled: Boolean(unit),
    queryKey: ['content', 'procedures', unit, q],
    queryFn: () =>
      ok(
        api.GET('/api/v1/content', {
          params: { query: { type: 'procedure', unit, status: 'published', q: q.trim().length >= 2 ? q.trim() : undefined, limit: 20 } },
        }),
      ),
    staleTime: 30_000,
  });
}
