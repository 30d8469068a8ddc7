import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { DataSource } from 'typeorm';
import { createAppDataSource, EntityList } from './data-source.factory';
import { TenantDatabase } from './tenant-database';

export interface DatabaseModuleOptions {
  entities: EntityList;
  applicationName: string;
}

const OPTIONS = Symbol('DatabaseModuleOptions');

/** Provides the application-role DataSource and TenantDatabase; closes the pool on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(opts: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: OPTIONS, useValue: opts },
        {
          provide: DataSource,
          inject: [AppConfig, OPTIONS],
          useFactory: (config: AppConfig, o: DatabaseModuleOptions) =>
            createAppDataSource({
              url: config.database.appUrl,
              entities: o.entities,
              poolSize: config.database.poolSize,
              applicationName: o.applicationName,
            }).initialize(),
        },
        { provide: TenantDatabase, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDatabase(ds) },
      ],
      exports: [DataSource, TenantDatabase],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
