import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { Gauge } from 'prom-client';

/**
 * 1 while a fault setting is active, 0 once it is cleared or used up. The `service` label comes
 * from the app's default labels; `fault` is a top-level key of the service's fault schema, so the
 * label set is bounded by the schema.
 */
export const FAULT_INJECTION_ACTIVE = 'fault_injection_active';

export type FaultActiveLabel = 'fault';

const faultInjectionActive = {
  name: FAULT_INJECTION_ACTIVE,
  help: 'Whether a runtime fault setting is active (1) or not (0), by fault.',
  labelNames: ['fault'] satisfies FaultActiveLabel[],
};

export const faultInjectionActiveProvider = makeGaugeProvider(faultInjectionActive);

/** The gauge registered nowhere: for settings built outside an app (unit tests). */
export const unregisteredFaultInjectionActive = (): Gauge<FaultActiveLabel> =>
  new Gauge({ ...faultInjectionActive, registers: [] });
