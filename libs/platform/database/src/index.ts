export { createAppDataSource, createOwnerDataSource, type EntityList } from './lib/data-source.factory';
export { DatabaseModule, type DatabaseModuleOptions } from './lib/database.module';
export { Migrator, type MigrationStatus, type MigratorParams } from './lib/migrator';
export { APPLICATION_GROUP_ROLE, PUBLIC_READER_GROUP_ROLE } from './lib/roles';
export { PublicReadDatabase } from './lib/public-read-database';
export { assertTenantId, type OperatorAccessRequest, TenantDatabase } from './lib/tenant-database';
export {
  appendOnlyTable,
  isolateTenantTable,
  releaseAppendOnlyTable,
  releaseTenantTable,
  type TablePrivilege,
} from './lib/tenant-isolation.sql';
export { TenantOwnedEntity } from './lib/tenant-owned.entity';
export { MIGRATIONS } from './migrations';
export { decodeCursor, encodeCursor, type KeysetPosition, nextCursor } from './lib/keyset-cursor';
export { KeysetPageQuery } from './lib/keyset-page-query';
export { type OperatorAccess, OperatorAccessLog, type OperatorAccessQuery } from './lib/operator-access-log';
