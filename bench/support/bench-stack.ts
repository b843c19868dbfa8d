import { LocalStack } from '../../tools/stack/local-stack.js';
import { type StackSettings, stackSettingsFrom } from '../../tools/stack/stack-settings.js';

export interface BenchStackPlace {
  /** Names the data folder, `.data/bench-<name>`. */
  name: string;
  /** The gateway's port; the services follow it as in `npm start`. */
  portBase: number;
  postgresPort: number;
  kafkaPort: number;
}

export interface BenchStack {
  stack: LocalStack;
  settings: StackSettings;
  /** The ids of the first `count` products of the demo catalog, as the gateway lists them. */
  productIds(count: number): Promise<string[]>;
}

/**
 * The whole local stack as `npm start` runs it, on ports and a data folder of the benchmark's own
 * so it never disturbs a developer's stack. Logs are at `warn` in every process: at `info` the
 * stack's log prefixer, which shares the cores, would be measured as much as the services.
 */
export async function startBenchStack(place: BenchStackPlace): Promise<BenchStack> {
  process.env.LOG_LEVEL = 'warn';
  const settings: StackSettings = {
    ...stackSettingsFrom({
      MICROSHOP_DATA_DIR: `.data/bench-${place.name}`,
      MICROSHOP_PORT_BASE: String(place.portBase),
      MICROSHOP_PG_PORT: String(place.postgresPort),
      MICROSHOP_KAFKA_PORT: String(place.kafkaPort),
    }),
    logFormat: 'json',
  };
  const stack = new LocalStack(settings);
  await stack.start();
  return {
    stack,
    settings,
    productIds: async (count) => {
      const listing = await fetch(stack.url('gateway', `/api/products?pageSize=${count}`));
      const { items } = (await listing.json()) as { items: { id: string }[] };
      return items.map((item) => item.id);
    },
  };
}
