/** Injection token for the app's validated config object. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
