import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClsMiddleware, ClsMiddlewareOptions, ClsModule, ClsService } from 'nestjs-cls';
import { ExecutionScope } from './execution-scope';
import { PUBLIC_READ_ROUTES } from './public-route.decorator';

interface RequestWithId {
  id?: string;
}

const setup = (cls: ClsService, req: RequestWithId) => cls.set('requestId', req.id ?? randomUUID());

/**
 * AsyncLocalStorage for requests (a middleware seeded with the request id the HTTP layer assigned)
 * and for jobs and commands (`ExecutionScope.run`). Citizens' public reads are left out: they run
 * no code that asks for the scope, and entering it cost a third of a cached read (bench/public-read).
 */
@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: false, setup } })],
  providers: [ExecutionScope],
  exports: [ExecutionScope],
})
export class ContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const scope = new ClsMiddleware(Object.assign(new ClsMiddlewareOptions(), { mount: true, setup }));
    consumer
      .apply((req: RequestWithId, res: unknown, next: () => void) => scope.use(req, res, next))
      .exclude(...PUBLIC_READ_ROUTES)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
