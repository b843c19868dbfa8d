import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FaultInjectionModule } from '#libs/fault-injection';
import { recommendationFaultsSchema } from './recommendation-faults.schema.js';
import { RecommendationFaultsInterceptor } from './recommendation-faults.interceptor.js';

/**
 * Runtime faults for the recommendation service: `GET|PUT|DELETE /admin/faults` (from
 * `#libs/fault-injection`, 404 unless `FAULT_INJECTION=on`) and the interceptor that applies them.
 */
@Module({})
export class RecommendationFaultsModule {
  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: RecommendationFaultsModule,
      imports: [FaultInjectionModule.forRoot({ enabled, schema: recommendationFaultsSchema })],
      providers: [{ provide: APP_INTERCEPTOR, useClass: RecommendationFaultsInterceptor }],
    };
  }
}
