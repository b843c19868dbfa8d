import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { ServiceName } from '#libs/contracts';
import { prefixLines } from './log-prefixer.js';

export interface AppProcess {
  name: ServiceName;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * How every app's `node` starts, here and in the Dockerfile's CMD (a static test compares them).
 *
 * - The tracing bootstrap is imported before the app, so that the modules the app imports can be
 *   instrumented (docs/observability.md).
 * - kafkajs 2.2.4 schedules a timer at `-1 - Date.now()` ms when it is not throttled; Node 24 warns
 *   about the negative value on every start, and the timer behaves as intended (1 ms).
 */
export const APP_NODE_OPTIONS = [
  // No --enable-source-maps: it costs about 23 MB per process (P10), and swc's output is close
  // enough to the sources to read a stack trace. Add it through NODE_OPTIONS when debugging.
  '--disable-warning=TimeoutNegativeWarning',
  '--import=./dist/libs/observability/src/tracing/register.js',
];

/**
 * Starts one built app (`dist/apps/<name>/src/main.js`) as its own OS process, from the repository
 * root (where `npm start` and the tests run).
 */
export function startApp(
  name: ServiceName,
  env: NodeJS.ProcessEnv,
  output: { colour: number; format: 'pretty' | 'json' },
): AppProcess {
  const main = resolve('dist/apps', name, 'src/main.js');
  const child = spawn(process.execPath, [...APP_NODE_OPTIONS, main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(child.stdout, name, output.colour, output.format);
  prefixLines(child.stderr, name, output.colour, output.format);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { name, child, exited };
}

/**
 * Asks an app to stop (SIGTERM: it drains and exits by itself within its shutdown timeout) and
 * kills it if it has not gone after `graceMs`.
 */
export async function stopApp(app: AppProcess, graceMs: number): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  await app.exited;
  clearTimeout(timer);
}
