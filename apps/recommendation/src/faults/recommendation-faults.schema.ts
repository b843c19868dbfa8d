import { z } from 'zod';

const milliseconds = z.number().int().min(0).max(120_000);

/**
 * The faults an admin can inject into the recommendation service at runtime (through the gateway's
 * `PUT /api/admin/faults/recommendation`), applied to its business routes only: added latency, a
 * share of calls failing with 503, calls never answered, or an answer whose body trickles out.
 */
export const recommendationFaultsSchema = z.strictObject({
  /** Waited before every answer. */
  latencyMs: milliseconds.optional(),
  /** The share of calls (0..1) answered with 503 `RECOMMENDATION.INJECTED_FAULT`. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Calls are never answered: the caller's own timeout is all that ends them. */
  hang: z.boolean().optional(),
  /** The status line and half the body go out at once, the rest this much later. */
  slowBodyMs: milliseconds.optional(),
});

export type RecommendationFaults = z.output<typeof recommendationFaultsSchema>;
