/**
 * The tracing bootstrap, loaded before the app:
 *
 *   node --import ./dist/libs/observability/src/tracing/register.js dist/apps/<app>/src/main.js
 *
 * NestJS 12 and the apps load `node:http`, kafkajs and pg with `import`, which `--require` hooks
 * never see, so the instrumentations need a module loader hook, registered here before the app's
 * first import and limited to the modules they patch.
 */
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { INSTRUMENTED_MODULES } from './instrumented-modules.js';
import { TracingConfigError } from './trace-sampling.js';
import { type TracingSettings, tracingSettingsFrom } from './tracing-settings.js';

const settings = readSettingsOrExit();

// Worker threads inherit `--import`; they run no app code worth tracing.
if (settings !== null && isMainThread) {
  // Imported only now, so that OTEL_SDK_DISABLED=true costs nothing at all; and before the hook is
  // registered, so that the hook does not inspect the SDK's own imports.
  const { startTracing } = await import('./start-tracing.js');
  await startTracing(settings);
  await registerLoaderHook();
}

/** Like the app's own config: a value that cannot be used stops boot with one line naming it. */
function readSettingsOrExit(): TracingSettings | null {
  try {
    return tracingSettingsFrom(process.env, process.argv[1]);
  } catch (error) {
    if (!(error instanceof TracingConfigError)) throw error;
    console.error(`tracing: ${error.message}`);
    process.exit(1);
  }
}

async function registerLoaderHook(): Promise<void> {
  const inThread = await import('import-in-the-middle/register-hooks.mjs');
  if (inThread.supportsSyncHooks()) {
    // In the app's own thread, through `module.registerHooks`: no loader thread to start (some
    // 40 MB and half a second).
    inThread.register({ include: INSTRUMENTED_MODULES });
  } else {
    // Node 24 before 24.11.1: the loader runs in a thread of its own.
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
      data: { include: INSTRUMENTED_MODULES },
    });
  }
}
