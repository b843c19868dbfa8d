/**
 * What became of one message, as counted by `messaging_events_handled_total`:
 *
 * - `handled`: the handler ran and its effect committed;
 * - `duplicate`: the inbox showed it handled before (a redelivery), so nothing ran;
 * - `retried`: an attempt failed and another follows (counted once per failed attempt);
 * - `dead_lettered`: sent to the dead-letter topic (invalid, or failed every attempt);
 * - `ignored`: a type no handler of the group reacts to.
 *
 * Every message ends in exactly one of handled, duplicate, dead_lettered or ignored.
 */
export type HandlingOutcome = 'handled' | 'duplicate' | 'retried' | 'dead_lettered' | 'ignored';
