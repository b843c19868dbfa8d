import { join, resolve } from 'node:path';
import pg from 'pg';
import { ALL_TOPICS, SERVICES } from '#libs/contracts';
import { ServiceTokenSigner } from '#libs/service-identity';
import type { LocalRedis } from '../tools/infra/redis/local-redis.js';
import { startRedis } from '../tools/infra/redis/start-redis.js';
import { appEnvironment } from '../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../tools/stack/app-process.js';
import { stackSettingsFrom } from '../tools/stack/stack-settings.js';
import { waitUntilReady } from '../tools/stack/wait-until-ready.js';
import { localServiceKeys } from '../tools/token/local-service-keys.js';
import {
  type BenchInfrastructure,
  startBenchInfrastructure,
} from './support/bench-infrastructure.js';

/** The product every benchmark quote prices, put straight into promotion's price projection. */
export const BENCH_PRODUCT_ID = '0b5e7c1a-4f2d-4c3e-9a8b-000000000009';

export interface PromotionBench {
  /** Base URL of each promotion process started, by label. */
  urls: Record<string, string>;
  /** Signed `authorization` headers for calls to promotion from `caller`. */
  headersFrom(caller: 'order' | 'product'): Promise<Record<string, string>>;
  apps: AppProcess[];
  stop(): Promise<void>;
}

/**
 * Promotion processes as `npm start` runs them (same environment, plus `env` per label), on the
 * bench PostgreSQL and Kafka, a local Redis, and one product in the price projection so quotes
 * succeed. The first process migrates; the others find the schema done.
 */
export async function startPromotionBench(
  name: string,
  processes: Record<string, { port: number; env: NodeJS.ProcessEnv }>,
): Promise<PromotionBench> {
  const infrastructure: BenchInfrastructure = await startBenchInfrastructure(name, [...ALL_TOPICS]);
  let redis: LocalRedis | undefined;
  const apps: AppProcess[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => stopApp(app, 12_000)));
    await redis?.stop();
    await infrastructure.stop();
  };
  try {
    redis = await startRedis({
      dataDir: resolve('.data/bench/redis'),
      port: 56392,
      log: () => undefined,
      env: { ...process.env, REDIS_URL: process.env.BENCH_REDIS_URL ?? '' },
    });
    const keysDir = resolve('.data/bench/keys');
    const urls: Record<string, string> = {};
    for (const [label, { port, env }] of Object.entries(processes)) {
      const endpoints = {
        ports: { ...stackSettingsFrom({}).ports, promotion: port },
        kafkaBrokers: infrastructure.brokers,
        databaseUrls: { promotion: infrastructure.databaseUrl },
        redisUrl: redis.url,
      };
      const appEnv = { ...appEnvironment('promotion', endpoints, keysDir), ...env };
      apps.push(startApp('promotion', appEnv, { colour: 35, format: 'json' }));
      urls[label] = `http://127.0.0.1:${port}`;
      await waitUntilReady(`${urls[label]}/health/ready`, 120_000);
    }
    await knowBenchProduct(infrastructure.databaseUrl);
    const keys = localServiceKeys(keysDir);
    const signers = {
      order: new ServiceTokenSigner({ service: 'order', signingKey: keys.order }),
      product: new ServiceTokenSigner({ service: 'product', signingKey: keys.product }),
    };
    return {
      urls,
      headersFrom: async (caller) => ({
        authorization: await signers[caller].authorizationFor('promotion'),
        'content-type': 'application/json',
      }),
      apps,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function knowBenchProduct(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO catalog_products (product_id, category_id, list_price_amount, currency, last_event_at)
       VALUES ($1, 'bench', 1999, 'EUR', now()) ON CONFLICT (product_id) DO NOTHING`,
      [BENCH_PRODUCT_ID],
    );
  } finally {
    await client.end();
  }
}

export const QUOTE_BODY = JSON.stringify({ lines: [{ productId: BENCH_PRODUCT_ID, quantity: 2 }] });

/** The default promotion port, offset so benchmarks never meet a running stack. */
export const benchPort = (offset: number) => SERVICES.promotion.port + 13_000 + offset;

export const benchDataDir = (...parts: string[]) => join(resolve('.data/bench'), ...parts);
