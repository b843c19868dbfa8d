import {
  Inject,
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import express from 'express';
import type { AppEnv } from '#libs/config';
import { DatabaseModule, DatabaseReadiness } from '#libs/database';
import { HealthModule, type ReadinessCheck } from '#libs/health';
import { KafkaModule, KafkaReadiness, MessagingModule } from '#libs/messaging';
import { LoggingModule, MetricsModule } from '#libs/observability';
import { ProblemDetailsFilter } from '#libs/problem-details';
import { ServiceConfigModule } from './service-config.module.js';
import { SERVICE_CONFIG } from './service-config.token.js';
import type { ServiceDefinition } from './service-definition.js';
import { serviceIdentityModule } from './service-identity-module.js';
import { serviceMigrations } from './service-migrations.js';

/** Composes the shared infrastructure modules with the app's own, from its definition and config. */
@Module({})
export class ServiceRootModule implements NestModule {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: AppEnv) {}

  static compose<Config extends AppEnv>(
    definition: ServiceDefinition<Config>,
    config: Config,
  ): DynamicModule {
    const { name } = definition;
    const database = definition.database?.(config);
    const kafka = definition.kafka?.(config);
    const readiness: Type<ReadinessCheck>[] = [];
    if (database) readiness.push(DatabaseReadiness);
    if (kafka) readiness.push(KafkaReadiness);

    return {
      module: ServiceRootModule,
      imports: [
        ServiceConfigModule.forRoot(config),
        LoggingModule.forRoot({ service: name, level: config.LOG_LEVEL }),
        MetricsModule.forRoot({ service: name }),
        serviceIdentityModule(name, config),
        ...(database
          ? [
              DatabaseModule.forRoot({
                ...database,
                applicationName: name,
                migrations: serviceMigrations(definition, database),
              }),
            ]
          : []),
        ...(kafka ? [KafkaModule.forRoot({ ...kafka, clientId: name })] : []),
        ...(database && kafka
          ? [MessagingModule.forRoot({ source: name, relay: config.OUTBOX_RELAY === 'on' })]
          : []),
        HealthModule.forRoot({ readiness }),
        ...definition.imports(config),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }

  /**
   * Bodies are parsed here rather than by Nest's built-in parser so that the request logger and
   * metrics (global middleware, mounted first) also see requests that are refused as too large.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(express.json({ limit: this.config.HTTP_BODY_LIMIT })).forRoutes('*path');
  }
}
