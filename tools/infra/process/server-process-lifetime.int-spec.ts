import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { eventually } from '../../../test/support/poll.js';
import { kafkaDataPaths } from '../kafka/kafka-data-paths.js';
import { stopOrphanedKafka } from '../kafka/stop-orphaned-kafka.js';
import { readPostmasterPid } from '../postgres/read-postmaster-pid.js';
import { stopOrphanedPostgres } from '../postgres/stop-orphaned-postgres.js';
import { isProcessAlive } from './is-process-alive.js';
import { LineForwarder } from './line-forwarder.js';

// Under the project, not the OS temp dir: as root PostgreSQL runs as the `postgres` user, which
// cannot enter a private mkdtemp directory.
const dataDir = fileURLToPath(new URL('../../../.data/test/ctrl-c', import.meta.url));
const postgres = { dataDir: join(dataDir, 'postgres'), port: 55446 };
const kafka = { dataDir: join(dataDir, 'kafka'), port: 19452, controllerPort: 19453 };
const admin = { host: '127.0.0.1', port: postgres.port, user: 'postgres', password: 'postgres' };
const brokers = [`127.0.0.1:${kafka.port}`];

/**
 * A program like `npm start`: it starts both servers, handles SIGINT by only saying so (the stack
 * would stop its apps then), and stops the servers when its stdin ends (the stack, once its apps
 * have drained). It never calls process.exit(): it must end by itself once the servers are stopped.
 */
const PROGRAM = `
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.') || !specifier.endsWith('.js')) throw error;
      return nextResolve(specifier.slice(0, -3) + '.ts', context);
    }
  },
});
const config = JSON.parse(process.env.CTRL_C_SPEC);
const { startPostgres } = await import(config.startPostgres);
const { startKafka } = await import(config.startKafka);
const log = () => undefined;
const [postgres, kafka] = await Promise.all([
  startPostgres({ ...config.postgres, log, env: {} }),
  startKafka({ ...config.kafka, log, env: { ...process.env, KAFKA_BROKERS: undefined } }),
]);
process.on('SIGINT', () => console.log('SIGINT received'));
process.stdin.on('end', async () => {
  await Promise.all([kafka.stop(), postgres.stop()]);
  console.log('stopped');
});
process.stdin.resume();
console.log('started');
`;

interface Program {
  child: ChildProcessWithoutNullStreams;
  printed: string[];
  /** Resolves with the exit code once the program has ended. */
  exited: Promise<number | null>;
  /** Resolves once the program has printed `line`; fails, quoting its output, if it ends first. */
  printedLine(line: string): Promise<void>;
}

function startProgram(): Program {
  const child = spawn(
    process.execPath,
    [
      // The tools' sources are TypeScript with parameter properties: strip types is not enough.
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--input-type=module',
      '--eval',
      PROGRAM,
    ],
    {
      // Its own process group, with the program as leader: a terminal's foreground group.
      detached: true,
      env: {
        ...process.env,
        CTRL_C_SPEC: JSON.stringify({
          startPostgres: new URL('../postgres/start-postgres.ts', import.meta.url).href,
          startKafka: new URL('../kafka/start-kafka.ts', import.meta.url).href,
          postgres,
          kafka,
        }),
      },
    },
  );
  const printed: string[] = [];
  const events = new EventEmitter();
  const output = new LineForwarder((line) => {
    printed.push(line);
    events.emit('line');
  });
  child.stdout.on('data', (chunk: Buffer) => output.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.write(chunk));
  const exited = once(child, 'close').then(([code]) => code as number | null);

  const printedLine = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (printed.includes(line)) resolve();
        else if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error(`The program ended before printing "${line}":\n${printed.join('\n')}`));
        } else return;
        events.off('line', check);
      };
      events.on('line', check);
      void exited.then(check);
      check();
    });
  return { child, printed, exited, printedLine };
}

const processGroupOf = (pid: number): number =>
  Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ ...admin, database: 'postgres' });
  await client.connect();
  try {
    return (await client.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok === 1;
  } finally {
    await client.end();
  }
}

/** Creates a topic, writes to it and reads its offsets back: real work, as a draining app does. */
async function kafkaAnswers(): Promise<boolean> {
  const client = new Kafka({ clientId: 'ctrl-c-spec', brokers, logLevel: logLevel.NOTHING });
  const kafkaAdmin = client.admin();
  const producer = client.producer();
  await Promise.all([kafkaAdmin.connect(), producer.connect()]);
  try {
    await kafkaAdmin.createTopics({ topics: [{ topic: 'after-ctrl-c', numPartitions: 1 }] });
    await producer.send({ topic: 'after-ctrl-c', messages: [{ value: 'still here' }] });
    const [offsets] = await kafkaAdmin.fetchTopicOffsets('after-ctrl-c');
    return offsets?.high === '1';
  } finally {
    await Promise.all([kafkaAdmin.disconnect(), producer.disconnect()]);
  }
}

describe('servers started by a program run in a terminal', () => {
  let running: ChildProcessWithoutNullStreams | undefined;

  beforeAll(async () => {
    // A run killed half-way leaves its servers running: stop them before wiping their files.
    await stopOrphanedPostgres(postgres.dataDir, () => undefined);
    await stopOrphanedKafka(kafkaDataPaths(kafka.dataDir), () => undefined);
    await rm(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    // Only if an assertion failed half-way: let the program stop its servers.
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = once(running, 'exit');
      running.stdin.end();
      await exited;
    }
  }, 60_000);

  it('keep answering after Ctrl-C reaches the program, until the program stops them', async () => {
    const program = startProgram();
    running = program.child;
    const pid = program.child.pid as number;
    await program.printedLine('started');
    const postgresPid = (await readPostmasterPid(postgres.dataDir)) as number;
    const kafkaPid = Number(await readFile(kafkaDataPaths(kafka.dataDir).pidFile, 'utf8'));
    expect(processGroupOf(postgresPid)).not.toBe(pid);
    expect(processGroupOf(kafkaPid)).not.toBe(pid);

    // What a terminal does on Ctrl-C: SIGINT to every process of its foreground process group.
    process.kill(-pid, 'SIGINT');
    await program.printedLine('SIGINT received');

    expect(await postgresAnswers()).toBe(true);
    expect(await kafkaAnswers()).toBe(true);
    expect(isProcessAlive(postgresPid)).toBe(true);
    expect(isProcessAlive(kafkaPid)).toBe(true);

    program.child.stdin.end();
    const code = await program.exited;

    expect(program.printed).toContain('stopped');
    expect(code).toBe(0);
    expect(isProcessAlive(postgresPid)).toBe(false);
    expect(isProcessAlive(kafkaPid)).toBe(false);
  }, 120_000);

  it('stop by themselves when the program is killed without a chance to stop them', async () => {
    const program = startProgram();
    running = program.child;
    await program.printedLine('started');
    const postgresPid = (await readPostmasterPid(postgres.dataDir)) as number;
    const kafkaPid = Number(await readFile(kafkaDataPaths(kafka.dataDir).pidFile, 'utf8'));

    // No exit handler runs: the same for a Ctrl-C reaching a program that does not handle SIGINT.
    program.child.kill('SIGKILL');
    await program.exited;

    await eventually('PostgreSQL has stopped', async () => !isProcessAlive(postgresPid));
    await eventually('the Kafka broker has stopped', async () => !isProcessAlive(kafkaPid));
  }, 120_000);
});
