import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from '../migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function>;

export interface DataSourceParams {
  url: string;
  entities: EntityList;
  poolSize?: number;
  /** Shown in pg_stat_activity: which process holds a connection. */
  applicationName: string;
  /** Longest wait for a connection, new or free in the pool (default 5 s: the CLI, migrations). */
  connectTimeoutMs?: number;
}

function options(p: DataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    url: p.url,
    entities: p.entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: p.poolSize ?? 10, application_name: p.applicationName, connectionTimeoutMillis: p.connectTimeoutMs ?? 5000 },
  };
}

/** The data source of the API and worker: logs in as the application role, subject to RLS. */
export function createAppDataSource(p: DataSourceParams): DataSource {
  return new DataSource(options(p));
}

/** The owner's data source: runs migrations; never used to serve requests. */
export function createOwnerDataSource(p: Omit<DataSourceParams, 'entities'>): DataSource {
  return new DataSource({
    ...options({ ...p, entities: [], poolSize: 2 }),
    migrations: MIGRATIONS,
    migrationsTableName: 'platform_migration',
    migrationsTransactionMode: 'each',
  });
}
