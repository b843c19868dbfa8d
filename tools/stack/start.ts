import { ensureSingleStack } from './stack-lock.js';
import { LocalStack } from './local-stack.js';
import { printReadyTable } from './print-ready-table.js';
import { stackSettingsFrom } from './stack-settings.js';

/**
 * `npm start`: the whole system locally, without Docker. Ctrl-C (or SIGTERM) stops the apps, then
 * the infrastructure this started, and leaves no process behind.
 */
const settings = stackSettingsFrom(process.env);
const releaseLock = ensureSingleStack(settings.dataDir);
const stack = new LocalStack(settings);
const startedAt = performance.now();

let stopping: Promise<void> | undefined;
const shutdown = (exitCode: number) => {
  stopping ??= (async () => {
    console.log('\nmicroshop: stopping apps, then infrastructure...');
    await stack.stop();
    releaseLock();
    console.log('microshop: stopped.');
    process.exit(exitCode);
  })();
  return stopping;
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await stack.start();
  printReadyTable(stack, performance.now() - startedAt);
} catch (error) {
  console.error(`microshop: start failed: ${(error as Error).message}`);
  await shutdown(1);
}
