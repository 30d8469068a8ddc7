import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { PublicResponseCache } from './public-response-cache';

@Global()
@Module({
  providers: [
    {
      provide: PublicResponseCache,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.publicCache
          ? PublicResponseCache.connect(config.redis.url, config.redis.prefix, {
              freshSeconds: config.cacheTimes.publicFreshSeconds,
              staleIfErrorSeconds: config.cacheTimes.publicStaleIfErrorSeconds,
            })
          : PublicResponseCache.disabled(),
    },
  ],
  exports: [PublicResponseCache],
})
export class CacheModule implements OnApplicationShutdown {
  constructor(@Inject(PublicResponseCache) private readonly cache: PublicResponseCache) {}

  onApplicationShutdown(): Promise<void> {
    return this.cache.close();
  }
}
