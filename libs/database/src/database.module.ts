import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { DatabaseReadiness } from './database.readiness.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

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
 * the app accepts traffic, under an advisory lock so that replicas starting together apply each one
 * once (docs/adr/0014-deployment.md); `synchronize` is never used, so the schema only changes on
 * purpose.
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
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            type: 'postgres',
            url,
            migrations,
            // Run by initializeAndMigrate instead, under the migration lock.
            migrationsRun: false,
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
          dataSourceFactory: (options) => initializeAndMigrate(options!),
        }),
      ],
      providers: [DatabaseReadiness],
      exports: [DatabaseReadiness],
    };
  }
}

/**
 * Connects and migrates. A failed attempt closes its pool before failing, because TypeOrmModule
 * retries the whole factory and would otherwise leave one open pool behind per attempt.
 */
async function initializeAndMigrate(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await runMigrationsExclusively(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
