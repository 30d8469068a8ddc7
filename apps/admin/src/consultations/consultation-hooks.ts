import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';
import { dayjs, provinceClock } from '../format/dates';
import { useMe } from '../session/lookups';

export type Consultation = Schemas['ConsultationResponse'];
export type ConsultationDetail = Schemas['ConsultationDetailResponse'];
export type ConsultationPhase = Consultation['phase'];
export type StaffComment = Schemas['StaffCommentResponse'];
export type CommentStatus = StaffComment['status'];
export type NewConsultation = Schemas['CreateConsultationRequest'];
export type ConsultationChanges = Schemas['UpdateConsultationRequest'];
type PublishedItem = Schemas['ContentResponse'];

/** Every query of this screen starts with it: a change refreshes the list and the consultation open. */
const CONSULTATIONS = 'consultations';

/** The roles holding `consultations.manage`: the IT centre and the editorial board anywhere, a unit's head for their units. */
const MANAGING_ROLES = ['tenant_admin', 'editorial_board', 'unit_head'];

/** Whether the menu offers the screen, from the roles the session holds (the API judges each consultation). */
export function useConsultationRoles(): { manages: boolean } {
  const roles = useMe().data?.roles ?? [];
  return { manages: roles.some((r) => MANAGING_ROLES.includes(r)) };
}

/** The consultations of the units I run (or of one site), the latest first day first. */
export function useConsultations(site: string | undefined) {
  return useQuery({
    queryKey: [CONSULTATIONS, 'list', site ?? null],
    queryFn: () => ok(api.GET('/api/v1/consultations', { params: { query: { site } } })),
  });
}

/** One consultation with every comment (the status filter is applied in the page, so each status's count is known). */
export function useConsultation(id: string) {
  return useQuery({
    queryKey: [CONSULTATIONS, 'one', id],
    queryFn: () => ok(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } })),
  });
}

/**
 * The published items of a site that may carry a draft, found by words of the title or summary
 * (accents ignored), as the content list finds them: `GET /api/v1/content?status=published`.
 */
export function usePublishedItems(site: string | undefined, q: string | undefined) {
  return useQuery({
    enabled: Boolean(site),
    queryKey: ['content', 'list', { status: 'published', site, q, for: 'consultation' }],
    queryFn: async (): Promise<{ items: PublishedItem[]; more: boolean }> => {
      const page = await ok(api.GET('/api/v1/content', { params: { query: { status: 'published', site, q, limit: 10 } } }));
      return { items: page.items, more: page.nextCursor !== null && page.nextCursor !== undefined };
    },
    placeholderData: keepPreviousData,
  });
}

/** After a change the API answers the consultation as it now stands: shown at once, and the lists asked again. */
function useConsultationChange<Input>(run: (input: Input) => Promise<ConsultationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (c) => {
      client.setQueryData([CONSULTATIONS, 'one', c.id], c);
      await client.invalidateQueries({ queryKey: [CONSULTATIONS, 'list'] });
    },
  });
}

/** Asks every consultation query again (after a refusal that says it opened meanwhile). */
export function useConsultationRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [CONSULTATIONS] });
}

export function useCreateConsultation() {
  return useConsultationChange((body: NewConsultation) => ok(api.POST('/api/v1/consultations', { body })));
}

/** Anything before it opens; once open, `closesOn` only (an earlier day ends it today). */
export function useChangeConsultation(id: string) {
  return useConsultationChange((body: ConsultationChanges) =>
    ok(api.PATCH('/api/v1/consultations/{id}', { params: { path: { id } }, body })),
  );
}

/** Taken off the portal; kept with its comments. */
export function useWithdrawConsultation(id: string) {
  return useConsultationChange(() => ok(api.POST('/api/v1/consultations/{id}/withdraw', { params: { path: { id } } })));
}

/** A comment published or kept off the portal (with the reason): the comment is replaced in the consultation open. */
export function useModerate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, ...body }: { commentId: string } & Schemas['ModerateRequest']) =>
      ok(api.POST('/api/v1/consultations/{id}/comments/{commentId}/moderation', { params: { path: { id, commentId } }, body })),
    onSuccess: (comment) => {
      client.setQueryData<ConsultationDetail>([CONSULTATIONS, 'one', id], (c) =>
        c ? { ...c, comments: c.comments.map((x) => (x.id === comment.id ? comment : x)) } : c,
      );
    },
  });
}

/** The summary for the drafting agency as a file (XLSX or CSV), asked with the console's client (the session's token). */
export const summaryFile = (id: string, format: 'xlsx' | 'csv') =>
  api.GET('/api/v1/consultations/{id}/summary', { params: { path: { id }, query: { format } }, parseAs: 'blob' });

/** The province's today, as the pickers hold a day. */
export const provinceToday = () => provinceClock().startOf('day');

/** A calendar day of the API (YYYY-MM-DD) as a picker's value. */
export const dayValue = (day: string) => dayjs(day, 'YYYY-MM-DD');

/** A picker's day as the API takes it. */
export const dayText = (value: dayjs.Dayjs) => value.format('YYYY-MM-DD');
