import { z } from 'zod';

/**
 * The wrapper every integration event travels in. Consumers deduplicate on `id`, route on `type`
 * and `version`, partition on `key` (the aggregate id), and continue the producer's trace from
 * `traceparent` (W3C trace context, captured when the event was written to the outbox).
 */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  source: z.string().min(1),
  key: z.string().min(1),
  traceparent: z.string().optional(),
  payload: z.unknown(),
});

export type EventEnvelope<Payload = unknown> = Omit<
  z.output<typeof eventEnvelopeSchema>,
  'payload'
> & { payload: Payload };
