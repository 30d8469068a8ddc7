export { ContextModule } from './lib/context.module';
export { type Actor, ExecutionScope, type ScopeValues } from './lib/execution-scope';
