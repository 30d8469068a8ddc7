import { Global, Module } from '@nestjs/common';
import { FailureLocks } from './failure-locks';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

/** Rate limits (see RATE_LIMITS; routes opt in with @RateLimit) and failure locks, shared across API processes. */
@Global()
@Module({ providers: [RateLimiter, RateLimitGuard, FailureLocks], exports: [RateLimiter, RateLimitGuard, FailureLocks] })
export class ThrottlingModule {}
