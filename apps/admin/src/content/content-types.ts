import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import type { FieldDescription } from './type-fields';

export interface ContentTypeDescription {
  type: string;
  label: string;
  fields: FieldDescription[];
}

/** The content types of the province with their fields, as the API validates them. */
export function useContentTypes() {
  return useQuery({
    queryKey: ['content-types'],
    queryFn: async () => (await ok(api.GET('/api/v1/content/types' as never))) as unknown as ContentTypeDescription[],
    staleTime: Infinity,
  });
}
