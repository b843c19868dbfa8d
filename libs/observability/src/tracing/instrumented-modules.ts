/**
 * The modules the instrumentations in `instrumentations.ts` patch, and so the only ones the module
 * loader hook wraps (`http` and `https` include their `node:` names). Wrapping every module would
 * cost start-up time and memory, and some modules do not survive it. A unit test keeps this list
 * in step with the instrumentations. undici needs no entry: it reports through diagnostics
 * channels.
 */
export const INSTRUMENTED_MODULES = ['http', 'https', 'kafkajs', 'pg', 'pg-pool'];
