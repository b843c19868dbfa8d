import { demoCatalog } from '#libs/demo-data';
import { faultPlan, spikePlan, steadyPlan } from '../plan/phase-plans.js';
import type { FaultChange } from '../plan/planned-phase.js';
import { browseOperation, viewProductPage } from './browse-operation.js';
import { checkoutOperation } from './checkout-operation.js';
import type { Scenario } from './scenario.js';

const reset = (...services: FaultChange['service'][]): FaultChange[] =>
  services.map((service) => ({ service, reset: true }));

/**
 * Product's flood switches itself off after `durationSeconds` (60 by default): make it outlast
 * the phase, within the 600 s product allows. Unpaced, it runs far above promotion's quota.
 */
const floodFor = (phaseMs: number) => ({
  enabled: true,
  durationSeconds: Math.min(600, Math.ceil(phaseMs / 1_000) + 10),
});

/** The failure share the saga-failures scenario injects into each participant. */
const INJECTED_FAILURE_PERCENT = 20;

/** Every scenario `npm run loadtest` knows, by name (docs/load-testing.md describes each). */
export const SCENARIOS: Record<string, Scenario> = {
  browse: {
    name: 'browse',
    demonstrates: 'a shop-like mix of listings, searches, product views and product pages',
    defaultRatePerSecond: 50,
    faultServices: [],
    plan: (shape) => steadyPlan('browse', shape),
    prepare: async ({ client, random }) => browseOperation(client, random),
  },
  checkout: {
    name: 'checkout',
    demonstrates: 'whole checkouts: quote, place an order, follow it to its end',
    defaultRatePerSecond: 5,
    faultServices: [],
    plan: (shape) => steadyPlan('checkout', shape),
    prepare: ({ client, random }) =>
      checkoutOperation(client, random, { couponShare: 0.5, couponCode: 'SAVE5' }),
  },
  'recommendation-outage': {
    name: 'recommendation-outage',
    demonstrates:
      'product pages while recommendation hangs: degraded answers, no 5xx, p99 near the healthy one',
    defaultRatePerSecond: 20,
    faultServices: ['recommendation'],
    plan: (shape) =>
      faultPlan(shape, {
        baseline: 'healthy',
        faulty: 'hung',
        healed: 'healed',
        on: [{ service: 'recommendation', set: { hang: true } }],
        off: reset('recommendation'),
      }),
    prepare: async ({ client, random }) => {
      const catalog = demoCatalog();
      return () =>
        viewProductPage(client, 'product page', catalog[Math.floor(random() * catalog.length)]!.id);
    },
  },
  'promotion-flood': {
    name: 'promotion-flood',
    demonstrates:
      "checkouts while product floods promotion: partitioned limits keep order's calls succeeding",
    defaultRatePerSecond: 5,
    faultServices: ['product'],
    plan: (shape) =>
      faultPlan(shape, {
        baseline: 'no flood',
        faulty: 'flood',
        on: [{ service: 'product', set: { promotionFlood: floodFor(shape.durationMs) } }],
        off: reset('product'),
      }),
    prepare: ({ client, random }) =>
      checkoutOperation(client, random, { couponShare: 0.5, couponCode: 'SAVE5' }),
  },
  'saga-failures': {
    name: 'saga-failures',
    demonstrates: `checkouts with ${INJECTED_FAILURE_PERCENT}% of stock reservations and coupon redemptions failing: the saga's outcome mix`,
    defaultRatePerSecond: 5,
    faultServices: ['product', 'promotion'],
    plan: (shape) =>
      faultPlan(shape, {
        baseline: 'no failures',
        faulty: `${INJECTED_FAILURE_PERCENT}% failures`,
        on: [
          {
            service: 'product',
            set: { reserveStock: { mode: 'fail', percent: INJECTED_FAILURE_PERCENT } },
          },
          {
            service: 'promotion',
            set: { redeemCoupon: { mode: 'fail', percent: INJECTED_FAILURE_PERCENT } },
          },
        ],
        off: reset('product', 'promotion'),
      }),
    // Every order carries a coupon, so every saga has a redemption step to fail.
    prepare: ({ client, random }) =>
      checkoutOperation(client, random, { couponShare: 1, couponCode: 'SAVE5' }),
  },
  spike: {
    name: 'spike',
    demonstrates: 'browsing with a sudden fivefold rise and fall of the arrival rate',
    defaultRatePerSecond: 20,
    faultServices: [],
    plan: (shape) => spikePlan(shape),
    prepare: async ({ client, random }) => browseOperation(client, random),
  },
};
