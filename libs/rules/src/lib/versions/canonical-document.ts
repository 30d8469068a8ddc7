import { instanceToPlain, plainToInstance } from 'class-transformer';
import { createHash } from 'node:crypto';
import { RuleSet } from '../schema/rule-set.schema';

/** The rule set as stored: plain JSON with every default filled in and keys in a stable order. */
export function canonicalDocument(ruleSet: RuleSet): Record<string, unknown> {
  return sortKeys(instanceToPlain(ruleSet)) as Record<string, unknown>;
}

export function checksumOf(document: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(sortKeys(document))).digest('hex');
}

/** A stored document back as the classes evaluation code works with. */
export function ruleSetFromDocument(document: Record<string, unknown>): RuleSet {
  return plainToInstance(RuleSet, document, { exposeDefaultValues: true });
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
