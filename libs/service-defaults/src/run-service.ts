import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigError, type AppEnv } from '#libs/config';
import { createService } from './create-service.js';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';
import type { ServiceDefinition } from './service-definition.js';

/**
 * Starts one app the way every app starts: validate config (a bad value stops boot with one line
 * naming the variable), compose the shared modules with the app's own, listen, and shut down
 * gracefully on SIGTERM/SIGINT. Each `main.ts` is a call to this.
 */
export async function runService<Config extends AppEnv>(
  definition: ServiceDefinition<Config>,
): Promise<NestExpressApplication> {
  const { app, config } = await createService(definition).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: ${error.message}`);
    process.exit(1);
  });
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, logger, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  logger.log(`${definition.name} listening on ${config.HOST}:${config.PORT}`, 'Bootstrap');
  return app;
}
