import { type DynamicModule, Module } from '@nestjs/common';
import type { AppEnv } from '#libs/config';
import { SERVICE_CONFIG } from './service-config.token.js';

/** Makes the validated config injectable everywhere as {@link SERVICE_CONFIG}. */
@Module({})
export class ServiceConfigModule {
  static forRoot(config: AppEnv): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: SERVICE_CONFIG, useValue: config }],
      exports: [SERVICE_CONFIG],
    };
  }
}
