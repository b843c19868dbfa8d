import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PrometheusRateLimitMeter, rateLimitMetricProviders } from './rate-limit-metrics.js';
import { RateLimitInterceptor } from './rate-limit.interceptor.js';
import { RATE_LIMITING_OPTIONS, type RateLimitingOptions } from './rate-limiting.options.js';
import { RateLimits } from './rate-limits.js';

/**
 * Partitioned rate limiting for a service other services call: every request from a verified
 * caller is counted against that caller's quota for its route class (docs/rate-limiting.md).
 * Exports {@link RateLimits} for the service's admin API.
 */
@Module({})
export class RateLimitingModule {
  static forRoot(options: RateLimitingOptions): DynamicModule {
    return {
      module: RateLimitingModule,
      providers: [
        { provide: RATE_LIMITING_OPTIONS, useValue: options },
        ...rateLimitMetricProviders,
        PrometheusRateLimitMeter,
        RateLimits,
        { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
      ],
      exports: [RateLimits],
    };
  }
}
