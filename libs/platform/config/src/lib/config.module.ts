import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

/** Provides the validated AppConfig. Apps build it before Nest starts, so a bad environment never boots. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = AppConfig.fromEnvironment()) {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
