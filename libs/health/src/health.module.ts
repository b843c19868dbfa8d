import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import type { ReadinessCheck } from './readiness-check.js';
import { READINESS_CHECKS } from './readiness-checks.token.js';

export interface HealthOptions {
  /** Readiness checks, provided and exported by the (global) modules that own the dependencies. */
  readiness: Type<ReadinessCheck>[];
}

/** `GET /health/live` and `GET /health/ready`, unauthenticated, as every app exposes them. */
@Module({})
export class HealthModule {
  static forRoot({ readiness }: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: READINESS_CHECKS,
          inject: readiness,
          useFactory: (...checks: ReadinessCheck[]) => checks,
        },
      ],
    };
  }
}
