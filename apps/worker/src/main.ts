import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@cong/platform-config';
import { PlatformLogger } from '@cong/platform-logging';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit('cong-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PlatformLogger));
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish (SHUTDOWN_TIMEOUT_MS), close connections.
  app.enableShutdownHooks();
  await app.init();
  console.warn('cong-worker started');
}

main().catch((error) => {
  console.error('cong-worker failed to start:', error);
  process.exit(1);
});
