import { z } from 'zod';

/**
 * The body `PUT /admin/faults` accepts, derived from a service's fault schema: any subset of its
 * keys, each either a valid value or `null` (clear that fault). Unknown keys are refused, so a typo
 * is a 400 naming the field rather than a fault that silently never fires.
 */
export function faultSettingsPatchSchema(schema: z.ZodObject) {
  const keys = Object.entries(schema.shape).map(([key, value]) => [
    key,
    (value as z.ZodType).nullable().optional(),
  ]);
  return z.strictObject(Object.fromEntries(keys) as Record<string, z.ZodType>);
}
