import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';

/** The content types of the province with their fields, as the API validates them. */
export function useContentTypes() {
  return useQuery({ queryKey: ['content-types'], queryFn: () => ok(api.GET('/api/v1/content/types')), staleTime: Infinity });
}
