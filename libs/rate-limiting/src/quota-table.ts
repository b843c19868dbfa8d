import { z } from 'zod';
import { type Quota, quotaSchema } from './quota.js';

const name = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { message: 'must be a lower-case name' });

/**
 * Every caller's quotas by route class, and the small `default` that applies to an authenticated
 * caller (or a route class) the table does not name.
 */
export const quotaTableSchema = z.strictObject({
  default: quotaSchema,
  callers: z.record(name, z.record(name, quotaSchema)),
});

export type QuotaTable = z.output<typeof quotaTableSchema>;

/** A change to a table: the default and any caller's classes it names replace the table's own. */
export const quotaChangeSchema = z.strictObject({
  default: quotaSchema.optional(),
  callers: z.record(name, z.record(name, quotaSchema)).optional(),
});

export type QuotaChange = z.output<typeof quotaChangeSchema>;

/** The quota of `partition` (the calling service) in `routeClass`. */
export function quotaOf(table: QuotaTable, partition: string, routeClass: string): Quota {
  return table.callers[partition]?.[routeClass] ?? table.default;
}

/** `table` with `change` applied; classes the change does not name keep their quota. */
export function applyQuotaChange(table: QuotaTable, change: QuotaChange): QuotaTable {
  const callers = { ...table.callers };
  for (const [caller, classes] of Object.entries(change.callers ?? {})) {
    callers[caller] = { ...callers[caller], ...classes };
  }
  return { default: change.default ?? table.default, callers };
}
