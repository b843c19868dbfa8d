import type { DownstreamService } from '../../downstream/downstream-service.js';

/**
 * The services that accept runtime faults (`/admin/faults`, built on `#libs/fault-injection`).
 * The order service has none: it is the saga orchestrator whose behaviour the faults exercise.
 */
export const FAULT_TARGETS = [
  'product',
  'promotion',
  'recommendation',
] as const satisfies readonly DownstreamService[];

export type FaultTarget = (typeof FAULT_TARGETS)[number];

export const isFaultTarget = (service: string): service is FaultTarget =>
  (FAULT_TARGETS as readonly string[]).includes(service);
