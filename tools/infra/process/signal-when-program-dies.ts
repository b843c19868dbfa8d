import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

// `read` fails at end of input: the pipe from us was closed without a line, so we are gone.
const WATCHDOG = 'read -r _ || kill -s "$1" "$2" 2>/dev/null';

/**
 * Sends `signal` to `pid` once this program has ended, however it ended, unless the returned
 * `release` was called first. Unlike an `exit` handler this also covers deaths that run no
 * JavaScript: SIGKILL, or a Ctrl-C reaching a program that does not handle SIGINT (Jest, say).
 *
 * A small `sh` in its own process group waits for a line on a pipe from us. The kernel closes the
 * pipe when we die, whatever the cause, and the shell then sends the signal; release() writes the
 * line, and the shell exits quietly. Neither the shell nor the pipe keep the event loop alive.
 */
export function signalWhenProgramDies(pid: number, signal: NodeJS.Signals): () => void {
  const watchdog = spawn(
    'sh',
    ['-c', WATCHDOG, 'microshop-server-watchdog', signal.replace(/^SIG/, ''), String(pid)],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  // Without a shell the exit handler and the next start's orphan check still stop the server.
  watchdog.on('error', () => undefined);
  watchdog.stdin.on('error', () => undefined);
  watchdog.unref();
  (watchdog.stdin as Socket).unref();

  let released = false;
  return () => {
    if (released) return;
    released = true;
    watchdog.stdin.end('\n');
  };
}
