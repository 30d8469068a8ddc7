export { CacheModule } from './lib/cache.module';
export {
  type CachedResponse,
  PUBLIC_CACHE_STALE_IF_ERROR_SECONDS,
  PUBLIC_CACHE_TTL_SECONDS,
  type PublicCacheTimes,
  PublicResponseCache,
} from './lib/public-response-cache';
