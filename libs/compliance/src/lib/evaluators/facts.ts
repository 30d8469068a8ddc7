import { AppliesTo } from '@cong/rules';

/** A unit as evaluation sees it. */
export interface UnitFact {
  code: string;
  kind: string;
}

/** One publication: what was published, by which unit, where, and when. */
export interface PublicationFact {
  itemId: string;
  unit: string;
  type: string;
  channel: string;
  publishedAt: Date;
}

/** A document whose publication a deadline governs (NA-8.4), published or not yet. */
export interface DeadlineFact {
  itemId: string;
  unit: string;
  type: string;
  channel: string;
  /** The item's date fields (`effectiveFrom`, `issuedOn`, `askedOn`, …), `YYYY-MM-DD`. */
  dates: Record<string, string | undefined>;
  publishedAt: Date | null;
}

/** Does a rule bind this unit? No `appliesTo`: every unit. */
export function appliesTo(rule: { appliesTo?: AppliesTo }, unit: UnitFact): boolean {
  if (!rule.appliesTo) return true;
  return rule.appliesTo.unitKinds.includes(unit.kind) || rule.appliesTo.units.includes(unit.code);
}
