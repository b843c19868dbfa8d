import { z } from 'zod';

/**
 * `FAULT_INJECTION=on|off`, off unless set: a production deployment never exposes
 * `/admin/faults` by accident. The local stack (`npm start`) turns it on for demos and scenarios.
 */
export const faultInjectionVariable = () =>
  z.enum(['on', 'off'], { message: 'must be on or off' }).default('off');

/** The piece to merge into a service's config schema: `serviceEnvSchema(port).extend(faultInjectionEnv)`. */
export const faultInjectionEnv = { FAULT_INJECTION: faultInjectionVariable() };

/** {@link faultInjectionEnv} as a schema of its own, for code that reads only this variable. */
export const faultInjectionEnvSchema = z.object(faultInjectionEnv);
