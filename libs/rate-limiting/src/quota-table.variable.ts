import { z } from 'zod';
import { type QuotaTable, quotaTableSchema } from './quota-table.js';

/**
 * An environment variable holding a {@link QuotaTable} as JSON
 * (`{"default":{"perSecond":5,"burst":5},"callers":{"order":{"quote":{"perSecond":200,"burst":100}}}}`),
 * with `fallback` when it is not set. A bad value stops boot with one line naming the variable.
 */
export const quotaTableVariable = (fallback: QuotaTable) =>
  z
    .string()
    .transform((raw, context) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON quota table' });
        return z.NEVER;
      }
    })
    // A bad entry is reported by its path (RATE_LIMIT_QUOTAS.callers.order.quote.perSecond).
    .pipe(quotaTableSchema)
    .optional()
    .transform((table) => table ?? fallback);
