import { COMPLIANCE_ENTITIES, ComplianceModule } from '@cong/compliance';
import { NOTIFICATIONS_ENTITIES } from '@cong/notifications';
import { WORKFLOW_ENTITIES, WorkflowModule } from '@cong/workflow';
import { CONTENT_ENTITIES } from '@cong/content';
import { SITES_ENTITIES } from '@cong/sites';
import { AUDIT_ENTITIES, AuditModule } from '@cong/platform-audit';
import { CacheModule } from '@cong/platform-cache';
import { ACCOUNTS_ENTITIES } from '@cong/accounts';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@cong/platform-config';
import { ContextModule } from '@cong/platform-context';
import { DatabaseModule } from '@cong/platform-database';
import { LoggingModule } from '@cong/platform-logging';
import { QueueModule } from '@cong/platform-queue';
import { RULES_ENTITIES } from '@cong/rules';
import { UNITS_ENTITIES } from '@cong/units';
import { TENANCY_ENTITIES, TenancyModule } from '@cong/tenancy';

/**
 * Composition root of the worker: the same libraries as the API, no controllers. Libraries that
 * declare jobs register their handler providers through the modules imported here.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, extraImports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        ContextModule,
        AuditModule,
        CacheModule,
        DatabaseModule.forRoot({ entities: [...TENANCY_ENTITIES, ...UNITS_ENTITIES, ...RULES_ENTITIES, ...ACCOUNTS_ENTITIES, ...AUDIT_ENTITIES, ...SITES_ENTITIES, ...CONTENT_ENTITIES, ...WORKFLOW_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...COMPLIANCE_ENTITIES], applicationName: 'cong-worker' }),
        QueueModule.forWorker(),
        TenancyModule,
        // Scheduled publishing, and notification e-mails (their job handlers); royalties recorded as
        // scheduled items are published.
        WorkflowModule,
        ComplianceModule,
        ...extraImports,
      ],
    };
  }
}
