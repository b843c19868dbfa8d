import { rmSync } from 'node:fs';
import { runningStackPid } from './stack-lock.js';
import { stackSettingsFrom } from './stack-settings.js';

/** `npm run reset`: wipes the local stack's data (databases, Kafka logs). The Kafka jar cache stays. */
const { dataDir } = stackSettingsFrom(process.env);
const running = runningStackPid(dataDir);
if (running !== undefined) {
  console.error(`microshop: stop the running stack (pid ${running}) before resetting.`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`microshop: removed ${dataDir}`);
