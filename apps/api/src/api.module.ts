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
        DatabaseModule.forRoot({ entities: [...TENANCY_ENTITIES, ...UNITS_ENTITIES, ...RULES_ENTITIES], applicationName: 'cong-api' }),
        QueueModule.forProducer('cong-api'),
        TenancyModule,
        HealthModule,
      ],
      // Runs before every other guard: no route sees a request whose province is unknown.
      providers: [{ provide: APP_GUARD, useClass: TenantGuard }],
    };
  }
}
