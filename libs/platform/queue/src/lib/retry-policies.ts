/** Named retry policies; call sites pick one by name instead of scattering numbers. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoff?: { readonly type: 'exponential' | 'fixed'; readonly delay: number };
}

export const RetryPolicies = {
  /** Work that must not be repeated automatically (a failure is looked at by a person). */
  once: { attempts: 1 },
  /** Most jobs: a few quick retries for passing faults. */
  standard: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  /** Jobs whose effect matters to the law (publication, period close): keep trying for about an hour. */
  persistent: { attempts: 12, backoff: { type: 'exponential', delay: 1_000 } },
} as const satisfies Record<string, RetryPolicy>;
