import { CircuitState } from 'cockatiel';

/** A circuit's state as metrics, logs and spans name it. */
export type CircuitStateName = 'closed' | 'open' | 'half_open';

export const CIRCUIT_STATES: readonly CircuitStateName[] = ['closed', 'open', 'half_open'];

/** Cockatiel's states in our words; `Isolated` (held open by hand) reads as open. */
export function circuitStateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half_open';
  return 'open';
}
