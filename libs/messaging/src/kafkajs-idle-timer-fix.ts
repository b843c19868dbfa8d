import { createRequire } from 'node:module';

/** The parts of kafkajs's internal RequestQueue (one per broker connection) this fix touches. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

type RequestQueueClass = { prototype: RequestQueueInternals };

const require = createRequire(import.meta.url);
/** The very module kafkajs loads (CommonJS caches by file), so its connections get the fix. */
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as RequestQueueClass;
const FIXED = Symbol.for('microshop.kafkajs.idleTimerFix');
/** kafkajs's CHECK_PENDING_REQUESTS_INTERVAL, which it does not export. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/**
 * Stops kafkajs 2.2.4 from spinning a 1 ms timer on every broker connection for as long as the
 * connection lives (https://github.com/tulios/kafkajs/issues/1556, #1704; 2.2.4 is the last
 * release). After each response it schedules a "check pending requests" at
 * `throttledUntil - Date.now()`, a negative delay (Node runs it after 1 ms) when nothing is
 * throttled, and that check schedules the next one, whether or not anything is pending. Each
 * process holds several connections (relay producer, consumer group, dead-letter producer, lag
 * monitor), so the loop cost more CPU than the saga's own work (measured by bench/p4).
 *
 * The fixed version schedules a check only when it can matter: a request is pending (kafkajs's
 * own rule, unchanged), or the broker throttles us (a positive delay). With nothing pending and
 * no throttle there is nothing to check: `push` sends at once, and a request that waits for an
 * in-flight slot is pending, so it is scheduled as before. Installed once, from createKafka.
 */
export function fixKafkajsIdleTimer(queueClass: RequestQueueClass = RequestQueue): void {
  const prototype = queueClass.prototype as RequestQueueInternals & { [FIXED]?: true };
  if (prototype[FIXED]) return;
  prototype[FIXED] = true;
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueueInternals,
  ) {
    if (this.throttleCheckTimeoutId) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    if (this.pending.length === 0 && untilUnthrottled <= 0) return;
    // kafkajs's interval for a pending request when the throttle has just ended.
    const delayMs = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delayMs);
  };
}
