import { DynamicModule, Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module';
import { TenantDirectoryController } from './tenant-directory.controller';

/**
 * `GET /api/v1/tenants/directory`, the list of provinces for a development console. Outside
 * production only: in production the route is not registered at all (a 404 like any unknown route,
 * and absent from the OpenAPI document).
 */
@Module({})
export class TenantDirectoryModule {
  static register(options: { enabled: boolean }): DynamicModule {
    return { module: TenantDirectoryModule, imports: [TenancyModule], controllers: options.enabled ? [TenantDirectoryController] : [] };
  }
}
