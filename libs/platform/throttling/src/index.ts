export { RATE_LIMITS, type RateLimitName } from './lib/rate-limits';
export { RateLimitedError, RateLimiter } from './lib/rate-limiter';
export { RateLimit, RateLimitGuard } from './lib/rate-limit.guard';
export { ThrottlingModule } from './lib/throttling.module';
export { FailureLocks, type LockPolicy } from './lib/failure-locks';
