import { AuditEntry } from './lib/audit-entry.entity';

export { AUDIT_ACTIONS, type AuditAction } from './lib/audit-actions';
export { AuditEntry } from './lib/audit-entry.entity';
export { AuditLog, type AuditQuery, type AuditRecord } from './lib/audit-log';
export { AuditModule } from './lib/audit.module';

export const AUDIT_ENTITIES = [AuditEntry];
