import { z } from 'zod';

/**
 * The `promotionFlood` fault (`PUT /api/admin/faults/product`): the product service calls
 * promotion's `POST /quotes` in a loop with its own signed identity, the runaway caller that
 * partitioned rate limiting contains (docs/rate-limiting.md). Bounded on every side: at most
 * `concurrency` calls in flight, at most `ratePerSecond` started a second when given, and it
 * switches itself off after `durationSeconds`.
 */
export const promotionFloodSchema = z.strictObject({
  enabled: z.boolean(),
  concurrency: z.number().int().min(1).max(64).default(8),
  // Unpaced (as fast as answers come back) when absent.
  ratePerSecond: z.number().int().min(1).max(5_000).optional(),
  durationSeconds: z.number().int().min(1).max(600).default(60),
});

export type PromotionFloodSettings = z.output<typeof promotionFloodSchema>;
