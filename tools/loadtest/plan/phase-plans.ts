import type { FaultChange, PlannedPhase } from './planned-phase.js';

export interface PlanShape {
  ratePerSecond: number;
  durationMs: number;
  warmupMs: number;
}

function warmup({ ratePerSecond, warmupMs }: PlanShape): PlannedPhase[] {
  return warmupMs > 0
    ? [{ name: 'warm-up', ratePerSecond, durationMs: warmupMs, discard: true }]
    : [];
}

/** A single measured phase at one rate, after the warm-up. */
export function steadyPlan(name: string, shape: PlanShape): PlannedPhase[] {
  return [
    ...warmup(shape),
    { name, ratePerSecond: shape.ratePerSecond, durationMs: shape.durationMs },
  ];
}

/**
 * A fault's life at a steady rate: a healthy baseline, the fault on, then off again (healed), each
 * compared with the baseline. Faults are reset before the baseline too, so a run interrupted
 * earlier cannot leave one on and spoil the baseline.
 */
export function faultPlan(
  shape: PlanShape,
  fault: {
    baseline: string;
    faulty: string;
    healed?: string;
    on: FaultChange[];
    off: FaultChange[];
  },
): PlannedPhase[] {
  const { ratePerSecond, durationMs } = shape;
  const phases: PlannedPhase[] = [
    ...warmup(shape).map((phase) => ({ ...phase, faults: fault.off })),
    {
      name: fault.baseline,
      ratePerSecond,
      durationMs,
      faults: shape.warmupMs > 0 ? undefined : fault.off,
    },
    { name: fault.faulty, ratePerSecond, durationMs, baseline: fault.baseline, faults: fault.on },
  ];
  if (fault.healed) {
    phases.push({
      name: fault.healed,
      ratePerSecond,
      durationMs,
      baseline: fault.baseline,
      faults: fault.off,
    });
  }
  return phases;
}

/** How much the spike multiplies the rate: the "sudden fivefold rise". */
export const SPIKE_FACTOR = 5;

/**
 * A sudden rise to five times the rate and back: before (baseline), spike, after. The spike is a
 * third as long as the others (at least a second), as spikes are.
 */
export function spikePlan(shape: PlanShape): PlannedPhase[] {
  const { ratePerSecond, durationMs } = shape;
  const spikeMs = Math.max(1_000, Math.round(durationMs / 3));
  return [
    ...warmup(shape),
    { name: 'before', ratePerSecond, durationMs },
    {
      name: `spike x${SPIKE_FACTOR}`,
      ratePerSecond: ratePerSecond * SPIKE_FACTOR,
      durationMs: spikeMs,
      baseline: 'before',
    },
    { name: 'after', ratePerSecond, durationMs, baseline: 'before' },
  ];
}

/** Requests the plan sends at most, and how long it lasts: the run's bounds, printed up front. */
export function planBounds(phases: readonly PlannedPhase[]): { arrivals: number; seconds: number } {
  return {
    arrivals: phases.reduce(
      (sum, phase) => sum + Math.floor((phase.durationMs / 1_000) * phase.ratePerSecond),
      0,
    ),
    seconds: phases.reduce((sum, phase) => sum + phase.durationMs, 0) / 1_000,
  };
}
