import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { LineForwarder } from './line-forwarder.js';
import { signalWhenProgramDies } from './signal-when-program-dies.js';

/** A long-running server process (PostgreSQL, the Kafka JVM) that we started. */
export interface ServerProcess {
  /** Undefined when the process could not be spawned at all. */
  readonly pid: number | undefined;
  /** Resolves once the process has exited and its output has been forwarded. */
  readonly exited: Promise<void>;
  isRunning(): boolean;
  /** The last lines the process printed, for error messages. */
  recentOutput(): string;
  /** Sends the stop signal, SIGKILL after the grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this OS user and group (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
  /** Each line the process prints on stdout or stderr. */
  log: (line: string) => void;
  /** The signal that asks this server for a clean shutdown. */
  stopSignal: NodeJS.Signals;
  stopGraceMs: number;
}

/**
 * Starts a server in its own session and process group, so that a terminal's Ctrl-C (sent to the
 * whole foreground process group) reaches only the program, which then stops its servers in its own
 * order with stop(). The process and its output pipes are unreferenced: a server never keeps the
 * program's event loop alive, except while stop() waits for it. If the program ends without
 * calling stop(), an `exit` handler sends the stop signal, and so does a watchdog when it dies
 * without running one (signalWhenProgramDies).
 */
export function spawnServerProcess(options: ServerProcessOptions): ServerProcess {
  const output = new LineForwarder(options.log);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options.user,
  });
  // With stdio 'pipe' these are sockets, which can be (un)referenced like the process itself.
  const handles = [child, child.stdout as Socket, child.stderr as Socket];
  for (const handle of handles) handle.unref();
  child.stdout.on('data', (chunk: Buffer) => output.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.write(chunk));
  const releaseWatchdog =
    child.pid === undefined
      ? () => undefined
      : signalWhenProgramDies(child.pid, options.stopSignal);

  // exit handlers must be synchronous: a signal is all we can send, the server stops by itself.
  const stopOnExit = (): void => {
    child.kill(options.stopSignal);
  };
  process.on('exit', stopOnExit);
  // Once reaped, the pid is free for reuse by another process: nothing may signal it any more.
  child.once('exit', () => {
    releaseWatchdog();
    process.off('exit', stopOnExit);
  });

  let running = true;
  const exited = new Promise<void>((resolve) => {
    const markExited = (): void => {
      running = false;
      releaseWatchdog();
      process.off('exit', stopOnExit);
      output.flush();
      resolve();
    };
    // 'close' rather than 'exit': by then the output pipes are drained as well.
    child.once('close', markExited);
    child.once('error', (error) => {
      output.write(`${error.message}\n`);
      // A process that could not be spawned at all may never report 'close'.
      if (child.pid === undefined) markExited();
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid,
    exited,
    isRunning: () => running,
    recentOutput: () => output.recentLines(),
    stop: () => {
      stopping ??= (async () => {
        process.off('exit', stopOnExit);
        if (!running) return;
        // Keep the program alive until the server is gone, even if nothing else is left to do.
        for (const handle of handles) handle.ref();
        child.kill(options.stopSignal);
        let timer: NodeJS.Timeout | undefined;
        const gaveUp = new Promise<'gave up'>((resolve) => {
          timer = setTimeout(() => resolve('gave up'), options.stopGraceMs);
        });
        if ((await Promise.race([exited, gaveUp])) === 'gave up') child.kill('SIGKILL');
        clearTimeout(timer);
        await exited;
      })();
      return stopping;
    },
  };
}
