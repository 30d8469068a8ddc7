import { Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClsModule } from 'nestjs-cls';
import { ExecutionScope } from './execution-scope';

interface RequestWithId {
  id?: string;
}

/**
 * AsyncLocalStorage for requests (mounted as middleware, seeded with the request id the HTTP
 * layer assigned) and for jobs and commands (`ExecutionScope.run`).
 */
@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        setup: (cls, req: RequestWithId) => cls.set('requestId', req.id ?? randomUUID()),
      },
    }),
  ],
  providers: [ExecutionScope],
  exports: [ExecutionScope],
})
export class ContextModule {}
