import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { SERVICE_NAMES, SERVICES } from '#libs/contracts';
import { eventually, statusOf } from '../support/poll.js';

/**
 * Starts the whole system exactly as `npm start` does (the built `tools/stack/start.js`), on its
 * own ports and data folder so it can run beside a developer's stack, then stops it with Ctrl-C.
 */
const dataDir = resolve('.data/e2e-stack');
const portBase = 13000;
const port = (name: keyof typeof SERVICES) => portBase + SERVICES[name].port - 3000;

function processesUsing(path: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', path], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function childPids(parent: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  let stack: ChildProcess;
  let output = '';

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    stack = spawn(process.execPath, ['dist/tools/stack/start.js'], {
      env: {
        ...process.env,
        MICROSHOP_DATA_DIR: dataDir,
        MICROSHOP_PORT_BASE: String(portBase),
        MICROSHOP_PG_PORT: '55435',
        MICROSHOP_KAFKA_PORT: '19292',
        MICROSHOP_LOG_FORMAT: 'json',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, like a shell's foreground job, so the test can press Ctrl-C.
      detached: true,
    });
    stack.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      'the stack prints that it is ready',
      async () => {
        if (stack.exitCode !== null) throw new Error(`stack exited early:\n${output}`);
        return output.includes('microshop is ready');
      },
      240_000,
    );
  }, 250_000);

  afterAll(() => {
    if (stack.exitCode === null) process.kill(-stack.pid!, 'SIGKILL');
  });

  it('brings every app to ready and prints its URL', async () => {
    for (const name of SERVICE_NAMES) {
      expect(output).toContain(`http://127.0.0.1:${port(name)}`);
      expect(await statusOf(`http://127.0.0.1:${port(name)}/health/ready`)).toBe(200);
      expect(await statusOf(`http://127.0.0.1:${port(name)}/health/live`)).toBe(200);
    }
  });

  it('serves Prometheus metrics labelled with the service name from every app', async () => {
    for (const name of SERVICE_NAMES) {
      const metrics = await (await fetch(`http://127.0.0.1:${port(name)}/metrics`)).text();
      expect(metrics).toContain(`process_resident_memory_bytes{service="${name}"}`);
    }
  });

  it('writes JSON log lines that carry the service name', () => {
    const appLines = output
      .split('\n')
      .filter((line) => /^(product|order|promotion|recommendation|gateway)\s+\| \{/.test(line));
    expect(appLines.length).toBeGreaterThan(0);
    for (const line of appLines) {
      const [app, json] = line.split(/\s+\| /, 2) as [string, string];
      expect(JSON.parse(json).service).toBe(app);
    }
  });

  it('stops everything on Ctrl-C and leaves no process behind', async () => {
    const children = childPids(stack.pid!);
    expect(children.length).toBeGreaterThanOrEqual(SERVICE_NAMES.length);
    // A terminal's Ctrl-C signals the whole foreground process group, not just the stack.
    process.kill(-stack.pid!, 'SIGINT');
    const [code] = await once(stack, 'exit');
    expect(code).toBe(0);
    // Apps drained before the servers went: none had to be cut off by its shutdown timeout.
    expect(output).not.toContain('shutdown took longer');
    for (const name of SERVICE_NAMES) {
      expect(await statusOf(`http://127.0.0.1:${port(name)}/health/live`)).toBe(0);
    }
    expect(processesUsing(dataDir)).toEqual([]);
    expect(children.filter(isAlive)).toEqual([]);
  }, 60_000);
});
