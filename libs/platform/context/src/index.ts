export { ContextModule } from './lib/context.module';
export { type Actor, ExecutionScope, type ScopeValues } from './lib/execution-scope';
export { Public, PUBLIC_ROUTE } from './lib/public-route.decorator';
