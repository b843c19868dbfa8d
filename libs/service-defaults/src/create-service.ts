import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadConfig, type AppEnv } from '#libs/config';
import type { ServiceDefinition } from './service-definition.js';
import { ServiceRootModule } from './service-root.module.js';

/**
 * Builds an app from its definition and an environment, without listening or installing signal
 * handlers: `runService` uses it for the real process, integration tests to get the very same app
 * on a random port. Throws `ConfigError` when the environment does not fit the schema.
 */
export async function createService<Config extends AppEnv>(
  definition: ServiceDefinition<Config>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ app: NestExpressApplication; config: Config }> {
  const config = loadConfig(definition.configSchema, env);
  const app = await NestFactory.create<NestExpressApplication>(
    ServiceRootModule.compose(definition, config),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  return { app, config };
}
