import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';

/** Who is signed in: name, roles and the units they hold them for. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/auth/me')), staleTime: 60_000 });
}

/** The province's units (code, name, place in the tree), for names in lists and filters. */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => ok(api.GET('/api/v1/units')), staleTime: 300_000 });
}

/** The portal and the sub-sites the user may see, each with its section tree. */
export function useSites() {
  return useQuery({ queryKey: ['sites'], queryFn: () => ok(api.GET('/api/v1/sites')), staleTime: 60_000 });
}

/** One site with its section tree. */
export function useSite(key: string | undefined) {
  return useQuery({
    queryKey: ['sites', key],
    queryFn: () => ok(api.GET('/api/v1/sites/{key}', { params: { path: { key: key! } } })),
    enabled: Boolean(key),
    staleTime: 60_000,
  });
}
