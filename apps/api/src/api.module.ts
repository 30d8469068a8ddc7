import { ALL_ENTITIES } from '@cong/catalog';
import { CitizensModule } from '@cong/citizens';
import { ComplianceModule } from '@cong/compliance';
import { NotificationsModule } from '@cong/notifications';
import { OnlineServicesModule } from '@cong/online-services';
import { WorkflowModule } from '@cong/workflow';
import { ContentModule } from '@cong/content';
import { SitesModule } from '@cong/sites';
import { AuditModule } from '@cong/platform-audit';
import { CacheModule } from '@cong/platform-cache';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@cong/platform-config';
import { ContextModule } from '@cong/platform-context';
import { DatabaseModule } from '@cong/platform-database';
import { LoggingModule } from '@cong/platform-logging';
import { QueueModule } from '@cong/platform-queue';
import { ThrottlingModule } from '@cong/platform-throttling';
import { TenancyModule, TenantDirectoryModule, TenantGuard } from '@cong/tenancy';
import { AccessGuard, AccountsModule } from '@cong/accounts';
import { OnboardingModule } from '@cong/onboarding';
import { PortalModule } from '@cong/portal';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';

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
        DatabaseModule.forRoot({ entities: ALL_ENTITIES, applicationName: 'cong-api', publicReads: true }),
        QueueModule.forProducer('cong-api'),
        ThrottlingModule,
        TenancyModule,
        TenantDirectoryModule.register({ enabled: config.env !== 'production' }),
        AccountsModule,
        OnboardingModule,
        SitesModule,
        ContentModule,
        WorkflowModule,
        NotificationsModule,
        CitizensModule,
        OnlineServicesModule,
        ComplianceModule,
        PortalModule,
        HealthModule,
        HomeModule,
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
