// Resolves through the hook global-setup.ts registered: Jest runs both in its main process.
import { stopTestInfrastructure } from './stop-test-infrastructure.js';
import { takeTestInfrastructure } from './test-infrastructure.js';

/** Stops the servers the global setup started and waits until their processes have exited. */
export default async function globalTeardown(): Promise<void> {
  await stopTestInfrastructure(takeTestInfrastructure());
}
