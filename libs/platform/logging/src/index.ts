export { LoggingModule } from './lib/logging.module';
export { assignRequestId } from './lib/request-id';
