import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';

/** 1 while a feature is on in this gateway instance, 0 while an admin has it off. */
export const FEATURE_ENABLED = 'feature_enabled';

export const featureEnabledProvider = makeGaugeProvider({
  name: FEATURE_ENABLED,
  help: 'Whether an optional feature is on (1) or switched off by an admin (0) in this instance.',
  labelNames: ['feature'],
});
