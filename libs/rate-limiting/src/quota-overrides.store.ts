import type { Redis } from 'ioredis';
import { type QuotaChange, quotaChangeSchema } from './quota-table.js';

/**
 * Where runtime quota changes are kept so that every replica applies the same ones: in Redis
 * beside the counters, or in this process when there is no shared store.
 */
export interface QuotaOverridesStore {
  readonly shared: boolean;
  load(): Promise<QuotaChange>;
  save(overrides: QuotaChange): Promise<void>;
}

/** One JSON document per service under `rate-limits:<service>:overrides`. */
export function redisQuotaOverrides(client: Redis, service: string): QuotaOverridesStore {
  const key = `rate-limits:${service}:overrides`;
  return {
    shared: true,
    async load() {
      const raw = await client.get(key);
      if (raw === null) return {};
      // A document another version wrote and this one cannot read is ignored, not half-applied.
      const parsed = quotaChangeSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : {};
    },
    async save(overrides) {
      await client.set(key, JSON.stringify(overrides));
    },
  };
}

export function localQuotaOverrides(): QuotaOverridesStore {
  let overrides: QuotaChange = {};
  return {
    shared: false,
    load: () => Promise.resolve(overrides),
    save: (next) => {
      overrides = next;
      return Promise.resolve();
    },
  };
}
