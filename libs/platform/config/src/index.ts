export { AppConfig, loadConfigOrExit, type NodeEnv } from './lib/app-config';
export { ConfigError } from './lib/config.errors';
export { ConfigModule } from './lib/config.module';
