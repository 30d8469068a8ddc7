import { TenantRole } from '../users/membership.entity';

/** Who is calling, as established from a valid access token and a live session. */
export interface Principal {
  userId: string;
  /** null for a national operator. */
  tenantId: string | null;
  username: string;
  displayName: string;
  /** The sign-in (refresh-token family) the access token belongs to. */
  sessionId: string;
  memberships: { role: TenantRole; unitId: string | null }[];
  mustChangePassword: boolean;
  /** A role requires two-step verification and it is not on: only enrolling (and signing out) works. */
  twoFactorEnrolmentRequired: boolean;
  /** Two-step verification is on for this account. */
  twoFactorEnabled: boolean;
}

export const isNationalOperator = (p: Principal): boolean => p.tenantId === null;

/** The caller as audit entries and revisions name it. */
export const actorOf = (p: Principal): { id: string; label: string } => ({ id: p.userId, label: p.username });
