import { useSearchParams } from 'react-router';

/**
 * The screen's choices in the address (tab, period, unit), so a view can be shared and survives a
 * reload: read them, and change some at once (undefined removes one).
 */
export function useSearchState(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  return [params, set];
}
