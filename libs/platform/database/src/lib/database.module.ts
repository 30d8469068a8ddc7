import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { DataSource } from 'typeorm';
import { createAppDataSource, EntityList } from './data-source.factory';
import { PublicReadDatabase } from './public-read-database';
import { TenantDatabase } from './tenant-database';

export interface DatabaseModuleOptions {
  entities: EntityList;
  applicationName: string;
  /** Open the public reader's pool too (the API serves the public read path). */
  publicReads?: boolean;
}

const OPTIONS = Symbol('DatabaseModuleOptions');

/** Provides the application-role DataSource and TenantDatabase; closes the pool on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() private readonly publicReads?: PublicReadDatabase,
  ) {}

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
              connectTimeoutMs: config.database.connectTimeoutMs,
            }).initialize(),
        },
        { provide: TenantDatabase, inject: [DataSource], useFactory: (ds: DataSource) => new TenantDatabase(ds) },
        ...(opts.publicReads
          ? [
              {
                provide: PublicReadDatabase,
                inject: [AppConfig],
                useFactory: (config: AppConfig) =>
                  new PublicReadDatabase(config.database.publicUrl, config.database.publicPoolSize, 'cong-public', {
                    connectTimeoutMs: config.database.publicConnectTimeoutMs,
                    statementTimeoutMs: config.database.publicStatementTimeoutMs,
                  }),
              },
            ]
          : []),
      ],
      exports: [DataSource, TenantDatabase, ...(opts.publicReads ? [PublicReadDatabase] : [])],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.publicReads?.close();
  }
}
