import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { useMe } from '../session/lookups';

export type Question = Schemas['QuestionDetailView'];
export type QuestionSummary = Schemas['QuestionSummaryView'];
export type QuestionStatus = QuestionSummary['status'];
export type QuestionQuery = NonNullable<paths['/api/v1/questions']['get']['parameters']['query']>;

/** Every query of this screen starts with it: a change refreshes the list, the detail and the home page's count. */
const QUESTIONS = 'questions';

/**
 * Whether the menu offers the desk, from the roles the session holds (as the menu decides for the
 * other screens). What may be done with each question, the API says (`actions` of the detail).
 */
const READING_ROLES = ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'];

export function useQuestionRoles(): { reads: boolean } {
  const roles = useMe().data?.roles ?? [];
  return { reads: roles.some((r) => READING_ROLES.includes(r)) };
}

/** The questions within my reach, newest first, a page of 50 at a time ("Xem thêm"). */
export function useQuestionList(query: Omit<QuestionQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [QUESTIONS, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/questions', { params: { query: { ...query, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** How many open questions of my units are past their answer deadline (the home page's reminder); "50+" past a page. */
export function useOverdueCount(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [QUESTIONS, 'overdue-count'],
    queryFn: async () => {
      // One more than shown: "Hơn 50" only when there are more than 50.
      const page = await ok(api.GET('/api/v1/questions', { params: { query: { overdue: true, limit: 51 } } }));
      return { count: Math.min(page.items.length, 50), more: page.items.length > 50 };
    },
    staleTime: 60_000,
  });
}

export function useQuestion(id: string) {
  return useQuery({
    queryKey: [QUESTIONS, 'one', id],
    queryFn: () => ok(api.GET('/api/v1/questions/{id}', { params: { path: { id } } })),
  });
}

/** After a step the API answers the question as it now stands: shown at once, and every list asked again. */
function useStep<Input, Output>(
  id: string,
  run: (path: { params: { path: { id: string } } }, input: Input) => Promise<Output>,
  after: (o: Output) => Question,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => run({ params: { path: { id } } }, input),
    onSuccess: async (output) => {
      client.setQueryData([QUESTIONS, 'one', id], after(output));
      await client.invalidateQueries({ queryKey: [QUESTIONS, 'list'] });
      void client.invalidateQueries({ queryKey: [QUESTIONS, 'overdue-count'] });
    },
  });
}

const same = (q: Question) => q;

export function useAssign(id: string) {
  return useStep(
    id,
    (path, body: Schemas['AssignQuestionRequest']) => ok(api.POST('/api/v1/questions/{id}/assign', { ...path, body })),
    same,
  );
}

/** The three steps that take a reason and nothing else. */
export const REASON_STEPS = {
  decline: '/api/v1/questions/{id}/decline',
  spam: '/api/v1/questions/{id}/spam',
  notSpam: '/api/v1/questions/{id}/not-spam',
} as const;
export type ReasonStep = keyof typeof REASON_STEPS;

export function useReasonStep(id: string) {
  return useStep(
    id,
    (path, { step, reason }: { step: ReasonStep; reason: string }) => ok(api.POST(REASON_STEPS[step], { ...path, body: { reason } })),
    same,
  );
}

/** The answer drafted as a faq item: the item list and the review queues change too. */
export function useDraftAnswer(id: string) {
  const client = useQueryClient();
  return useStep(
    id,
    async (path, body: Schemas['AnswerQuestionRequest']) => {
      const drafted = await ok(api.POST('/api/v1/questions/{id}/answer', { ...path, body }));
      void client.invalidateQueries({ queryKey: ['content'] });
      return drafted;
    },
    (drafted) => drafted.question,
  );
}

/** The file sent with a question, asked with the console's client (the session's token). */
export const attachmentFile = (id: string) => api.GET('/api/v1/questions/{id}/attachment', { params: { path: { id } }, parseAs: 'blob' });
