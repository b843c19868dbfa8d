import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

/** Calls the promotionFlood fault made, by what promotion did with them. */
export const PROMOTION_FLOOD_CALLS = 'promotion_flood_calls_total';

export type FloodOutcome = 'served' | 'rate_limited' | 'failed';

export const promotionFloodCallsProvider = makeCounterProvider({
  name: PROMOTION_FLOOD_CALLS,
  help: 'Calls made by the promotionFlood fault, by outcome (served, rate_limited, failed).',
  labelNames: ['outcome'],
});
