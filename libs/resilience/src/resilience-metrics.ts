import { Injectable, Logger } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { Counter, Gauge } from 'prom-client';
import type { CallOutcome } from './call-outcome.js';
import { CIRCUIT_STATES, type CircuitStateName } from './circuit-state.js';
import type { PolicyObserver } from './policy-observer.js';

export const RESILIENCE_CALLS = 'resilience_calls_total';
export const RESILIENCE_CIRCUIT_STATE = 'resilience_circuit_state';
export const RESILIENCE_CIRCUIT_TRANSITIONS = 'resilience_circuit_transitions_total';
export const RESILIENCE_RETRIES = 'resilience_retries_total';
export const RESILIENCE_FALLBACKS = 'resilience_fallbacks_total';

const calls = {
  name: RESILIENCE_CALLS,
  help:
    'Attempts to call a dependency by outcome (success, failure, timeout, short_circuited); ' +
    'calls refused by the bulkhead count once as bulkhead_rejected.',
  labelNames: ['dependency', 'outcome'],
};
const circuitState = {
  name: RESILIENCE_CIRCUIT_STATE,
  help: "1 for the dependency's current circuit state (closed, open, half_open), 0 for the others.",
  labelNames: ['dependency', 'state'],
};
const transitions = {
  name: RESILIENCE_CIRCUIT_TRANSITIONS,
  help: 'Circuit breaker state changes, by dependency and states.',
  labelNames: ['dependency', 'from', 'to'],
};
const retries = {
  name: RESILIENCE_RETRIES,
  help: 'Attempts retried after a failure, within the retry budget.',
  labelNames: ['dependency'],
};
const fallbacks = {
  name: RESILIENCE_FALLBACKS,
  help: 'Failed calls answered from a fallback, by source.',
  labelNames: ['dependency', 'source'],
};

/** The Nest providers of the resilience metrics; list them in the module that uses the policies. */
export const resilienceMetricProviders = [
  makeCounterProvider(calls),
  makeGaugeProvider(circuitState),
  makeCounterProvider(transitions),
  makeCounterProvider(retries),
  makeCounterProvider(fallbacks),
];

/**
 * Turns what the policies report into Prometheus metrics, a log line per circuit transition, and
 * span events (the policy adds its own for breaker decisions).
 */
@Injectable()
export class ResilienceMetrics {
  private readonly logger = new Logger('Resilience');

  constructor(
    @InjectMetric(RESILIENCE_CALLS) private readonly calls: Counter,
    @InjectMetric(RESILIENCE_CIRCUIT_STATE) private readonly circuitState: Gauge,
    @InjectMetric(RESILIENCE_CIRCUIT_TRANSITIONS) private readonly transitions: Counter,
    @InjectMetric(RESILIENCE_RETRIES) private readonly retries: Counter,
    @InjectMetric(RESILIENCE_FALLBACKS) private readonly fallbacks: Counter,
  ) {}

  /** The same metrics registered nowhere: for policies built outside an app (benchmarks, tests). */
  static unregistered(): ResilienceMetrics {
    const none = { registers: [] };
    return new ResilienceMetrics(
      new Counter({ ...calls, ...none }),
      new Gauge({ ...circuitState, ...none }),
      new Counter({ ...transitions, ...none }),
      new Counter({ ...retries, ...none }),
      new Counter({ ...fallbacks, ...none }),
    );
  }

  /** The observer of one dependency's policy; its circuit starts closed. */
  observerFor(dependency: string): PolicyObserver {
    this.showState(dependency, 'closed');
    return {
      attempted: (outcome: CallOutcome) => this.calls.inc({ dependency, outcome }),
      retrying: () => this.retries.inc({ dependency }),
      circuitChanged: (from, to) => {
        this.transitions.inc({ dependency, from, to });
        this.showState(dependency, to);
        const log = to === 'open' ? 'warn' : 'log';
        this.logger[log]({ dependency, from, to }, `circuit of ${dependency}: ${from} -> ${to}`);
      },
      fellBack: (source) => this.fallbacks.inc({ dependency, source }),
    };
  }

  private showState(dependency: string, current: CircuitStateName): void {
    for (const state of CIRCUIT_STATES) {
      this.circuitState.set({ dependency, state }, state === current ? 1 : 0);
    }
  }
}
