/** Injection token for the name of the service that produces events (the envelope's `source`). */
export const MESSAGING_SOURCE = Symbol('MESSAGING_SOURCE');
