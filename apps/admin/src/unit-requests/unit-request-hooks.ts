import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../session/lookups';

export type UnitRequest = Schemas['UnitRequestResponse'];
export type UnitRequestSummary = Schemas['UnitRequestSummaryResponse'];
export type UnitRequestRoute = Schemas['UnitRequestRouteResponse'];
export type UnitRequestKind = UnitRequestSummary['kind'];
export type UnitRequestStatus = UnitRequestSummary['status'];
export type UnitRequestQuery = NonNullable<paths['/api/v1/unit-requests']['get']['parameters']['query']>;

/** Every query of this screen starts with it: a step refreshes the list, the detail and the home page's count. */
const REQUESTS = 'unit-requests';

/** The capabilities `unitRequests.read` and `unitRequests.send` (docs/access-control.md), as the menu decides. */
const READING_ROLES = ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'];
const SENDING_ROLES = ['tenant_admin', 'unit_head', 'unit_editor'];

/**
 * Whether the menu offers the screen and its "send" button, and whether the reader works for units
 * (who then sees the incoming and outgoing boxes) or province-wide. What may be done with one
 * request, the API says (`actions` of the detail).
 */
export function useUnitRequestRoles() {
  const memberships = useMe().data?.memberships ?? [];
  return {
    reads: memberships.some((m) => READING_ROLES.includes(m.role)),
    sends: memberships.some((m) => SENDING_ROLES.includes(m.role)),
    provinceWide: memberships.some((m) => READING_ROLES.includes(m.role) && !m.unitId),
    /** The units I send for (with those below them); every unit when I hold a province-wide sending role. */
    sendingUnits: memberships.filter((m) => SENDING_ROLES.includes(m.role)).map((m) => m.unitId ?? null),
  };
}

/** The requests within my reach, newest first, 50 at a time ("Xem thêm"). */
export function useUnitRequestList(query: Omit<UnitRequestQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [REQUESTS, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/unit-requests', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Where each kind goes under the rules in force, and how long its answer may take. */
export function useUnitRequestRoutes() {
  return useQuery({ queryKey: [REQUESTS, 'routes'], queryFn: () => ok(api.GET('/api/v1/unit-requests/routes')), staleTime: 60_000 });
}

/** How many open requests my units are to answer are past their due day (the home page's reminder); "50+" past a page. */
export function useOverdueIncomingCount(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [REQUESTS, 'overdue-count'],
    queryFn: async () => {
      // One more than shown: "Hơn 50" only when there are more than 50.
      const page = await ok(api.GET('/api/v1/unit-requests', { params: { query: { box: 'incoming', overdue: true, limit: 51 } } }));
      return { count: Math.min(page.items.length, 50), more: page.items.length > 50 };
    },
    staleTime: 60_000,
  });
}

export function useUnitRequest(id: string) {
  return useQuery({
    queryKey: [REQUESTS, 'one', id],
    queryFn: () => ok(api.GET('/api/v1/unit-requests/{id}', { params: { path: { id } } })),
  });
}

/** After a step the API answers the request as it now stands: shown at once, and every list asked again. */
function useStep<Input>(id: string, run: (path: { params: { path: { id: string } } }, input: Input) => Promise<UnitRequest>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => run({ params: { path: { id } } }, input),
    onSuccess: async (request) => {
      client.setQueryData([REQUESTS, 'one', id], request);
      await client.invalidateQueries({ queryKey: [REQUESTS, 'list'] });
      void client.invalidateQueries({ queryKey: [REQUESTS, 'overdue-count'] });
    },
  });
}

export const useTakeUp = (id: string) => useStep(id, (path, _: void) => ok(api.POST('/api/v1/unit-requests/{id}/take-up', path)));

export const useForward = (id: string) =>
  useStep(id, (path, body: Schemas['ForwardUnitRequest']) => ok(api.POST('/api/v1/unit-requests/{id}/forward', { ...path, body })));

export const useAnswer = (id: string) =>
  useStep(id, (path, body: Schemas['AnswerUnitRequest']) => ok(api.POST('/api/v1/unit-requests/{id}/answer', { ...path, body })));

export const useWithdraw = (id: string) =>
  useStep(id, (path, body: Schemas['WithdrawUnitRequest']) => ok(api.POST('/api/v1/unit-requests/{id}/withdraw', { ...path, body })));

/** A new request sent; the list and the handlers' count asked again. */
export function useSendRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['SendUnitRequest']) => ok(api.POST('/api/v1/unit-requests', { body })),
    onSuccess: async (request) => {
      client.setQueryData([REQUESTS, 'one', request.id], request);
      await client.invalidateQueries({ queryKey: [REQUESTS, 'list'] });
      void client.invalidateQueries({ queryKey: [REQUESTS, 'overdue-count'] });
    },
  });
}

/** An attached file, asked with the console's client (the session's token): staff read uploads before anything is public. */
export const attachmentFile = (mediaId: string) =>
  api.GET('/api/v1/media/{id}/file', { params: { path: { id: mediaId }, query: {} }, parseAs: 'blob' });

/** The unit that answers: the one the rules name, else the IT centre. */
export const handlerName = (handler: UnitRequestSummary['handler']) => handler?.name ?? 'Trung tâm CNTT (quản trị cổng)';

/** "10 ngày làm việc", "5 ngày". */
export const answerTime = (route: Pick<UnitRequestRoute, 'answerWithin' | 'dayKind'>) =>
  route.answerWithin ? `${route.answerWithin} ${route.dayKind === 'working' ? 'ngày làm việc' : 'ngày'}` : 'không quy định';
