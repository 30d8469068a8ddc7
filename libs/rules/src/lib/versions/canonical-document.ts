import { instanceToPlain, plainToInstance } from 'class-transformer';
import { createHash } from 'node:crypto';
import { MAX_SESSION_HOURS } from '../schema/account-policy.schema';
import { RuleSet } from '../schema/rule-set.schema';

/** The rule set as stored: plain JSON with every default filled in and keys in a stable order. */
export function canonicalDocument(ruleSet: RuleSet): Record<string, unknown> {
  return sortKeys(instanceToPlain(ruleSet)) as Record<string, unknown>;
}

export function checksumOf(document: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(document)))
    .digest('hex');
}

/**
 * A stored document back as the classes evaluation code works with. Documents stored under an
 * earlier schema read as today's (see `upgradedDocument`); the stored row itself never changes.
 */
export function ruleSetFromDocument(document: Record<string, unknown>): RuleSet {
  return plainToInstance(RuleSet, upgradedDocument(document), { exposeDefaultValues: true });
}

/**
 * What earlier schemas wrote, in today's terms:
 * - `accountPolicy.sessions.refreshTokenDays` (each refresh token's lifetime, before sessions had an
 *   absolute one) reads as `absoluteHours` of the same length — the longest it named.
 */
export function upgradedDocument(document: Record<string, unknown>): Record<string, unknown> {
  const policy = document.accountPolicy as { sessions?: Record<string, unknown> } | undefined;
  const sessions = policy?.sessions;
  if (!sessions || sessions.refreshTokenDays === undefined) return document;
  const { refreshTokenDays, ...rest } = sessions;
  const absoluteHours = rest.absoluteHours ?? Math.min(Number(refreshTokenDays) * 24, MAX_SESSION_HOURS);
  return { ...document, accountPolicy: { ...policy, sessions: { ...rest, absoluteHours } } };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
