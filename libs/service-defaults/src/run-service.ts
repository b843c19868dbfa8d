import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type ServiceEnv } from '#libs/config';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';
import type { ServiceDefinition } from './service-definition.js';
import { ServiceRootModule } from './service-root.module.js';

/**
 * Starts one app the way every app starts: validate config (a bad value stops boot with one line
 * naming the variable), compose the shared modules with the app's own, listen, and shut down
 * gracefully. Each `main.ts` is a call to this.
 */
export async function runService<Config extends ServiceEnv>(
  definition: ServiceDefinition<Config>,
): Promise<NestExpressApplication> {
  const config = loadConfigOrExit(definition);
  const app = await NestFactory.create<NestExpressApplication>(
    ServiceRootModule.compose(definition, config),
    { bufferLogs: true, bodyParser: false },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.disable('x-powered-by');

  exitGracefullyOnSignals(app, logger, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  logger.log(`${definition.name} listening on ${config.HOST}:${config.PORT}`, 'Bootstrap');
  return app;
}

function loadConfigOrExit<Config extends ServiceEnv>(
  definition: ServiceDefinition<Config>,
): Config {
  try {
    return loadConfig(definition.configSchema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: ${error.message}`);
    process.exit(1);
  }
}
