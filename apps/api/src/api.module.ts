import { COMPLIANCE_ENTITIES, ComplianceModule } from '@cong/compliance';
import { NOTIFICATIONS_ENTITIES, NotificationsModule } from '@cong/notifications';
import { WORKFLOW_ENTITIES, WorkflowModule } from '@cong/workflow';
import { CONTENT_ENTITIES, ContentModule } from '@cong/content';
import { SITES_ENTITIES, SitesModule } from '@cong/sites';
import { AUDIT_ENTITIES, AuditModule } from '@cong/platform-audit';
import { CacheModule } from '@cong/platform-cache';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@cong/platform-config';
import { ContextModule } from '@cong/platform-context';
import { DatabaseModule } from '@cong/platform-database';
import { LoggingModule } from '@cong/platform-logging';
import { QueueModule } from '@cong/platform-queue';
import { RULES_ENTITIES } from '@cong/rules';
import { UNITS_ENTITIES } from '@cong/units';
import { TENANCY_ENTITIES, TenancyModule, TenantGuard } from '@cong/tenancy';
import { AccessGuard, ACCOUNTS_ENTITIES, AccountsModule } from '@cong/accounts';
import { OnboardingModule } from '@cong/onboarding';
import { HealthModule } from './health/health.module';

/** Composition root of the HTTP API: wiring only, no domain logic. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        ContextModule,
        AuditModule,
        CacheModule,
        DatabaseModule.forRoot({ entities: [...TENANCY_ENTITIES, ...UNITS_ENTITIES, ...RULES_ENTITIES, ...ACCOUNTS_ENTITIES, ...AUDIT_ENTITIES, ...SITES_ENTITIES, ...CONTENT_ENTITIES, ...WORKFLOW_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...COMPLIANCE_ENTITIES], applicationName: 'cong-api', publicReads: true }),
        QueueModule.forProducer('cong-api'),
        TenancyModule,
        AccountsModule,
        OnboardingModule,
        SitesModule,
        ContentModule,
        WorkflowModule,
        NotificationsModule,
        ComplianceModule,
        HealthModule,
      ],
      providers: [
        // First: no route sees a request whose province is unknown.
        { provide: APP_GUARD, useClass: TenantGuard },
        // Then: every route needs a valid token for that province unless it is @Public.
        { provide: APP_GUARD, useExisting: AccessGuard },
      ],
    };
  }
}
