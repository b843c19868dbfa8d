import { z } from 'zod';

/**
 * A fault that fires on some calls only: `mode` says what goes wrong, `next` bounds how many
 * faults fire before the setting clears itself, `percent` is the chance that a given call is hit.
 * Neither: every call is hit until the setting is reset. Both: each call is hit with `percent`
 * chance, until `next` faults have fired.
 */
export interface FaultTrigger<Mode extends string = string> {
  mode: Mode;
  next?: number;
  percent?: number;
}

/**
 * The zod schema of a {@link FaultTrigger} with the given modes, for a service's fault settings:
 * `z.object({ reserveStock: faultTriggerSchema(['fail', 'no-reply']).optional() })`.
 */
export const faultTriggerSchema = <const Modes extends readonly [string, ...string[]]>(
  modes: Modes,
) =>
  z.strictObject({
    mode: z.enum(modes, { message: `must be one of ${modes.join(', ')}` }),
    next: z
      .number({ message: 'must be a whole number of calls' })
      .int({ message: 'must be a whole number of calls' })
      .min(1, { message: 'must be at least 1' })
      .max(1_000_000, { message: 'must be at most 1000000' })
      .optional(),
    percent: z
      .number({ message: 'must be a number from 0 to 100' })
      .min(0, { message: 'must be a number from 0 to 100' })
      .max(100, { message: 'must be a number from 0 to 100' })
      .optional(),
  });

/** A uniform random number in [0, 1), as `Math.random` gives; injectable so tests decide. */
export type RandomSource = () => number;

/** What pulling a trigger decided for one call. */
export interface TriggerPull<Mode extends string> {
  /** The fault to inject on this call, or undefined to behave normally. */
  fault: Mode | undefined;
  /** The trigger to keep for the next calls: undefined once its `next` faults have all fired. */
  remaining: FaultTrigger<Mode> | undefined;
}

/**
 * Decides whether this call is hit and consumes one of `next` when it is. Pure and synchronous:
 * the caller swaps `remaining` in without an await in between, which makes "decide and consume"
 * atomic in a Node process (two concurrent calls can never both take the last fault).
 */
export function pullTrigger<Mode extends string>(
  trigger: FaultTrigger<Mode> | undefined,
  random: RandomSource,
): TriggerPull<Mode> {
  if (!trigger) return { fault: undefined, remaining: undefined };
  // `random() * 100 < percent`: 0 never fires, 100 always does.
  const hit = trigger.percent === undefined || random() * 100 < trigger.percent;
  if (!hit) return { fault: undefined, remaining: trigger };
  if (trigger.next === undefined) return { fault: trigger.mode, remaining: trigger };
  const left = trigger.next - 1;
  return { fault: trigger.mode, remaining: left > 0 ? { ...trigger, next: left } : undefined };
}
