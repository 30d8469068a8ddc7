import { AccountsJobsModule } from '@cong/accounts';
import { ALL_ENTITIES } from '@cong/catalog';
import { ComplianceModule } from '@cong/compliance';
import { WorkflowModule } from '@cong/workflow';
import { AuditModule } from '@cong/platform-audit';
import { CacheModule } from '@cong/platform-cache';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@cong/platform-config';
import { ContextModule } from '@cong/platform-context';
import { DatabaseModule } from '@cong/platform-database';
import { LoggingModule } from '@cong/platform-logging';
import { QueueModule } from '@cong/platform-queue';
import { TenancyModule } from '@cong/tenancy';

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
        DatabaseModule.forRoot({ entities: ALL_ENTITIES, applicationName: 'cong-worker' }),
        QueueModule.forWorker(),
        TenancyModule,
        // Scheduled publishing, and notification e-mails (their job handlers); royalties recorded as
        // scheduled items are published.
        WorkflowModule,
        ComplianceModule,
        // Accounts unused past the province's limit are suspended daily.
        AccountsJobsModule,
        ...extraImports,
      ],
    };
  }
}
