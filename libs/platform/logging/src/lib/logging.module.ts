import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { PlatformLogger } from './platform-logger';
import { assignRequestId } from './request-id';

/**
 * Structured JSON logs (pino), or one readable line each with LOG_FORMAT=pretty (what
 * `npm run platform` sets for a terminal). Each HTTP request is logged once with its id, status
 * and duration; credentials never reach a log line.
 */
@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      providers: [PlatformLogger],
      exports: [PlatformLogger],
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.log.level,
              ...(config.log.format === 'pretty' && {
                transport: {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', messageKey: 'msg' },
                },
              }),
              genReqId: (req: IncomingMessage) => assignRequestId(req),
              redact: {
                paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password'],
                censor: '[redacted]',
              },
              autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
              customLogLevel: (_req: IncomingMessage, res: { statusCode: number }, err?: Error) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
            },
          }),
        }),
      ],
    };
  }
}
