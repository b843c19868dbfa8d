import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalRedis } from './local-redis.js';
import { redisAnswersPing } from './redis-ping.js';
import { startRedis } from './start-redis.js';

// Its own port, away from the test harness's Redis and the stack's.
const PORT = 56479;

describe('startRedis', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'microshop-redis-'));
  const lines: string[] = [];
  let redis: LocalRedis | undefined;

  afterAll(async () => {
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a real redis-server from Maven Central when REDIS_URL is not set', async () => {
    const env = { ...process.env, REDIS_URL: '' };
    redis = await startRedis({ dataDir, port: PORT, log: (line) => lines.push(line), env });

    expect(redis).toMatchObject({ url: `redis://127.0.0.1:${PORT}`, embedded: true });
    expect(await redisAnswersPing('127.0.0.1', PORT)).toBe(true);
  });

  it('stops it on stop()', async () => {
    await redis?.stop();

    expect(await redisAnswersPing('127.0.0.1', PORT)).toBe(false);
  });

  it('uses the server REDIS_URL names and starts nothing', async () => {
    const named = await startRedis({
      dataDir,
      port: PORT,
      log: () => undefined,
      env: { REDIS_URL: 'redis://127.0.0.1:6399' },
    });

    expect(named).toMatchObject({ url: 'redis://127.0.0.1:6399', embedded: false });
    expect(await redisAnswersPing('127.0.0.1', PORT)).toBe(false);
  });
});
