import type { z } from 'zod';
import type { ServiceName } from '#libs/contracts';
import type { RandomSource } from './fault-trigger.js';

/** How a service sets up fault injection (see {@link FaultInjectionModule.forRoot}). */
export interface FaultInjectionOptions {
  /** `config.FAULT_INJECTION === 'on'`. */
  enabled: boolean;
  /**
   * The service's fault settings: a zod object whose keys are all optional, ideally strict, e.g.
   * `z.strictObject({ reserveStock: faultTriggerSchema(['fail', 'no-reply']).optional() })`.
   */
  schema: z.ZodObject;
  /** The signed callers allowed to change faults; the gateway alone unless a test says otherwise. */
  callers?: readonly ServiceName[];
  /** For tests that decide the `percent` draws. */
  random?: RandomSource;
}

export const FAULT_INJECTION_OPTIONS = Symbol('FaultInjectionOptions');

export interface ResolvedFaultInjectionOptions {
  callers: readonly ServiceName[];
  patchSchema: z.ZodType;
}
