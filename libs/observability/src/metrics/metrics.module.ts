import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
} from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { httpRequestDurationProvider } from './http-metrics.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';

export interface MetricsOptions {
  /** Added to every series as the `service` label. */
  service: string;
}

/** Prometheus metrics at `GET /metrics`: Node process metrics plus HTTP RED metrics. */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot({ service }: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          defaultLabels: { service },
          defaultMetrics: { enabled: true },
        }),
      ],
      providers: [httpRequestDurationProvider, HttpMetricsMiddleware],
      exports: [PrometheusModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
