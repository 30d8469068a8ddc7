import { AuditEntry } from './lib/audit-entry.entity';

export { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from './lib/audit-actions';
export { type AuditChainBreak, type AuditChainReport, AuditChainVerifier } from './lib/audit-chain.verifier';
export { AuditEntry } from './lib/audit-entry.entity';
export { AuditLog, type AuditQuery, type AuditRecord } from './lib/audit-log';
export { AuditModule } from './lib/audit.module';

export const AUDIT_ENTITIES = [AuditEntry];
