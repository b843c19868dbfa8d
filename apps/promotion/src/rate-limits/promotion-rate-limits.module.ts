import { type DynamicModule, Module } from '@nestjs/common';
import { RateLimitingModule } from '#libs/rate-limiting';
import type { PromotionConfig } from '../promotion.config.js';
import { classifyPromotionRoute } from './promotion-route-classes.js';
import { RateLimitsAdminController } from './rate-limits-admin.controller.js';

/**
 * A quota per calling service and route class on every promotion route (docs/rate-limiting.md),
 * and the admin endpoint that changes the quotas at runtime.
 */
@Module({})
export class PromotionRateLimitsModule {
  static forConfig(config: PromotionConfig): DynamicModule {
    return {
      module: PromotionRateLimitsModule,
      imports: [
        RateLimitingModule.forRoot({
          service: 'promotion',
          redisUrl: config.REDIS_URL,
          mode: config.RATE_LIMIT_MODE,
          replicas: config.RATE_LIMIT_REPLICAS,
          quotas: config.RATE_LIMIT_QUOTAS,
          refreshMs: config.RATE_LIMIT_QUOTA_REFRESH_MS,
          classify: classifyPromotionRoute,
        }),
      ],
      controllers: [RateLimitsAdminController],
    };
  }
}
