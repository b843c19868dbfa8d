import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import { DatabaseReadiness } from './database.readiness.js';

export interface DatabaseOptions {
  /** `postgres://user:password@host:port/database`: the service's own database and user. */
  url: string;
  /** Migration classes, applied in order at start-up. Schema changes happen only here. */
  migrations: (new () => MigrationInterface)[];
  /** Shown in `pg_stat_activity`, so a DBA can tell which service holds a connection. */
  applicationName: string;
  /** Pool size per process; small, because five apps share one server on a laptop. */
  poolSize?: number;
}

/**
 * The service's own PostgreSQL database through TypeORM. Pending migrations run at start-up, before
 * the app accepts traffic; `synchronize` is never used, so the schema only changes on purpose.
 */
@Module({})
export class DatabaseModule {
  static forRoot({
    url,
    migrations,
    applicationName,
    poolSize = 10,
  }: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url,
          migrations,
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          autoLoadEntities: true,
          retryAttempts: 10,
          retryDelay: 1_000,
          extra: {
            max: poolSize,
            connectionTimeoutMillis: 3_000,
            idleTimeoutMillis: 30_000,
            application_name: applicationName,
          },
        }),
      ],
      providers: [DatabaseReadiness],
      exports: [DatabaseReadiness],
    };
  }
}
