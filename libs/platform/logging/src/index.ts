export { LoggingModule } from './lib/logging.module';
export { PlatformLogger } from './lib/platform-logger';
export { assignRequestId } from './lib/request-id';
