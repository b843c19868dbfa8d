import { Injectable } from '@nestjs/common';
import {
  InjectMetric,
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import type { SagaState } from './domain/saga-state.js';
import type { SagaTransition } from './domain/saga-transition.js';
import { SagaRepository } from './saga.repository.js';

/** The `saga` label: the only saga this service runs. */
const SAGA = 'place_order';

const COMPLETED = 'saga_completed_total';
const DURATION = 'saga_duration_seconds';
const STEPS = 'saga_steps_total';

type Outcome = 'confirmed' | 'cancelled' | 'compensation_failed';

/**
 * The saga's metrics (names shared with the dashboards and alert rules). Counters and the
 * histogram are recorded by the orchestrator as it decides; the two gauges are read from the
 * database at scrape time, so they are right after a restart and whichever replica is scraped
 * (aggregate them with `max`, not `sum`, across replicas).
 */
export const sagaMetricProviders = [
  makeCounterProvider({
    name: COMPLETED,
    help: 'Sagas that ended (confirmed, cancelled) or parked (compensation_failed), by outcome.',
    labelNames: ['saga', 'outcome'],
  }),
  makeHistogramProvider({
    name: DURATION,
    help: 'From the order being placed to the saga ending or parking, by outcome.',
    labelNames: ['saga', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  }),
  makeCounterProvider({
    name: STEPS,
    help:
      'Saga step events by step and outcome (started, succeeded, failed, retried, timed-out, ' +
      'cancelled, parked; ignored: a late or duplicate reply).',
    labelNames: ['saga', 'step', 'outcome'],
  }),
  makeGaugeProvider({
    name: 'saga_in_flight',
    help: 'Sagas not yet ended (parked ones included).',
    labelNames: ['saga'],
    inject: [SagaRepository],
    async collect(sagas: SagaRepository) {
      const counts = await sagas.counts().catch(() => undefined);
      if (counts) this.set({ saga: SAGA }, counts.inFlight);
    },
  }),
  makeGaugeProvider({
    name: 'saga_parked',
    help: 'Sagas parked in COMPENSATION_FAILED, waiting for an admin retry.',
    labelNames: ['saga'],
    inject: [SagaRepository],
    async collect(sagas: SagaRepository) {
      const counts = await sagas.counts().catch(() => undefined);
      if (counts) this.set({ saga: SAGA }, counts.parked);
    },
  }),
];

/** Records what the orchestrator decided. */
@Injectable()
export class SagaMetrics {
  constructor(
    @InjectMetric(COMPLETED) private readonly completed: Counter<'saga' | 'outcome'>,
    @InjectMetric(DURATION) private readonly duration: Histogram<'saga' | 'outcome'>,
    @InjectMetric(STEPS) private readonly steps: Counter<'saga' | 'step' | 'outcome'>,
  ) {}

  decided({ state, records }: SagaTransition, now: Date): void {
    for (const { step, outcome } of records) this.steps.inc({ saga: SAGA, step, outcome });
    const outcome = endOf(state);
    if (!outcome) return;
    this.completed.inc({ saga: SAGA, outcome });
    this.duration.observe(
      { saga: SAGA, outcome },
      (now.getTime() - state.startedAt.getTime()) / 1_000,
    );
  }

  ignoredReply(step: string): void {
    this.steps.inc({ saga: SAGA, step, outcome: 'ignored' });
  }
}

/** The outcome a transition into `state` ends the saga with, if it does. */
function endOf(state: SagaState): Outcome | undefined {
  if (state.status === 'COMPLETED') return 'confirmed';
  if (state.status === 'CANCELLED') return 'cancelled';
  if (state.status === 'COMPENSATION_FAILED') return 'compensation_failed';
  return undefined;
}
