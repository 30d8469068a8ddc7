import { Injectable } from '@nestjs/common';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';

export type DependencyName = 'postgres' | 'redis';

export interface DependencyStatus {
  status: 'up' | 'down';
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<DependencyName, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Can this process serve? Postgres and Redis are checked together, each bounded in time. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: IORedis,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, redis] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.redis.ping())]);
    return { ready: postgres.status === 'up' && redis.status === 'up', checks: { postgres, redis } };
  }
}

async function probe(run: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
