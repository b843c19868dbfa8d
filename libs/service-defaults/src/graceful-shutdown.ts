import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { flushTraces } from '#libs/observability';

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, then run Nest's
 * shutdown hooks (Kafka consumers stop, producers flush, the database pool closes), send the spans
 * still batched for the trace exporter, and exit 0.
 * If that takes longer than `timeoutMs`, exit 1 rather than hang: an orchestrator would
 * SIGKILL us anyway, and a clear log line beats a silent kill.
 */
export function exitGracefullyOnSignals(
  app: INestApplication,
  logger: LoggerService,
  timeoutMs: number,
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining`, 'Shutdown');
    setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms: exiting`, undefined, 'Shutdown');
      process.exit(1);
    }, timeoutMs).unref();

    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await drained;
    await app.close();
    await flushTraces();
    logger.log('stopped', 'Shutdown');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
