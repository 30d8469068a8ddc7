import { Inject, Injectable } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';

/**
 * Nest's start-up chatter (a line for every module loaded and every route mapped, ~150 lines) at
 * debug rather than info, so that what a person starting the platform should read is not buried.
 */
const FRAMEWORK_START_UP = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** The Nest logger of every process: pino's, with the framework's start-up lines kept to debug. */
@Injectable()
export class PlatformLogger extends Logger {
  constructor(logger: PinoLogger, @Inject(PARAMS_PROVIDER_TOKEN) params: Params) {
    super(logger, params);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && FRAMEWORK_START_UP.has(context)) return super.debug(message, ...optionalParams);
    return super.log(message, ...optionalParams);
  }
}
