import type { FaultService } from '../shop/admin-api.js';

/** A change to the system under test made as a phase begins, through the admin API. */
export type FaultChange =
  { service: FaultService; set: Record<string, unknown> } | { service: FaultService; reset: true };

/**
 * One stretch of a run at a steady arrival rate. Plans are data, so they can be tested and
 * printed before a single request is sent.
 */
export interface PlannedPhase {
  name: string;
  ratePerSecond: number;
  durationMs: number;
  /** The phase this one is set beside in the report (its healthy twin). */
  baseline?: string;
  /** A warm-up: run so that pools, JIT and consumer groups settle, then left out of the report. */
  discard?: boolean;
  /** Faults switched on or off just before the phase starts. */
  faults?: FaultChange[];
}
