export { CacheModule } from './lib/cache.module';
export { type CachedResponse, PUBLIC_CACHE_TTL_SECONDS, PublicResponseCache } from './lib/public-response-cache';
