import type { Quota } from './quota.js';
import type { QuotaOverridesStore } from './quota-overrides.store.js';
import { applyQuotaChange, type QuotaChange, type QuotaTable, quotaOf } from './quota-table.js';

/**
 * The quotas in force: the table from config with the runtime changes on top. Changes are saved
 * in the overrides store and every replica re-reads it on `refresh()` (the module calls it every
 * few seconds), so a change made through one replica reaches all of them without a restart.
 */
export class QuotaBook {
  private table: QuotaTable;

  constructor(
    private readonly configured: QuotaTable,
    private readonly store: QuotaOverridesStore,
  ) {
    this.table = configured;
  }

  /** The table every decision uses now. */
  current(): QuotaTable {
    return this.table;
  }

  quotaOf(partition: string, routeClass: string): Quota {
    return quotaOf(this.table, partition, routeClass);
  }

  /** Applies `change` here at once and saves it for the other replicas; returns the new table. */
  async change(change: QuotaChange): Promise<QuotaTable> {
    // Read first, so a change made meanwhile through another replica is kept, not overwritten.
    const latest = await this.store.load();
    const merged = mergeChanges(latest, change);
    await this.store.save(merged);
    this.use(merged);
    return this.table;
  }

  /** Picks up changes made through other replicas. */
  async refresh(): Promise<void> {
    this.use(await this.store.load());
  }

  private use(overrides: QuotaChange): void {
    this.table = applyQuotaChange(this.configured, overrides);
  }
}

function mergeChanges(earlier: QuotaChange, later: QuotaChange): QuotaChange {
  const callers = { ...earlier.callers };
  for (const [caller, classes] of Object.entries(later.callers ?? {})) {
    callers[caller] = { ...callers[caller], ...classes };
  }
  return { default: later.default ?? earlier.default, callers };
}
