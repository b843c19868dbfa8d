import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

/** Recommendations served degraded (fallback or nothing), by reason. */
export const RECOMMENDATIONS_DEGRADED = 'recommendations_degraded_total';

export const recommendationsDegradedProvider = makeCounterProvider({
  name: RECOMMENDATIONS_DEGRADED,
  help:
    'Recommendations served degraded, by reason (timeout, unavailable, error, unknown-product, ' +
    'circuit-open, overloaded, disabled).',
  labelNames: ['reason'],
});
