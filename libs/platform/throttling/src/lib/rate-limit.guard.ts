import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimitedError, RateLimiter } from './rate-limiter';
import { RateLimitName } from './rate-limits';

const RATE_LIMIT = 'cong:rate-limit';

interface LimitedRequest {
  ip?: string;
  /** Set by the access guard for a signed-in caller. */
  user?: { userId?: string };
}
interface LimitedReply {
  header(name: string, value: string): unknown;
}

/**
 * The route counts against the named limit (RATE_LIMITS), per client address and, once signed in,
 * per account too. Runs before the route's own guards (sign-in's passport check included), so a
 * refused request costs no password hash.
 */
export function RateLimit(name: RateLimitName): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT, [ctx.getHandler(), ctx.getClass()]);
    if (!name) return true;
    const req = ctx.switchToHttp().getRequest<LimitedRequest>();
    const keys = [`ip:${req.ip ?? 'unknown'}`, ...(req.user?.userId ? [`account:${req.user.userId}`] : [])];
    try {
      await this.limiter.consume(name, keys);
    } catch (error) {
      if (error instanceof RateLimitedError)
        ctx.switchToHttp().getResponse<LimitedReply>().header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
    return true;
  }
}
