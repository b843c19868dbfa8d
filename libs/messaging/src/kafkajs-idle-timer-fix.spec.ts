import { jest } from '@jest/globals';
import { createRequire } from 'node:module';
import { fixKafkajsIdleTimer, type RequestQueueInternals } from './kafkajs-idle-timer-fix.js';

const require = createRequire(import.meta.url);
type Queue = RequestQueueInternals & { inflight: Map<number, unknown> };
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as new (
  options: object,
) => Queue;
const logger = { debug: () => undefined, warn: () => undefined, error: () => undefined };

/** A request queue of one broker connection, as kafkajs builds it. */
function queue(): Queue {
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 10_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger,
  });
}

describe('fixKafkajsIdleTimer', () => {
  beforeAll(() => fixKafkajsIdleTimer());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('schedules no check when nothing is pending and nothing is throttled', () => {
    const idle = queue();
    idle.checkPendingRequests(); // what kafkajs runs after every response
    expect(idle.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a pending request once the broker throttle ends', () => {
    const throttled = queue();
    const send = jest.fn();
    throttled.throttledUntil = Date.now() + 500;
    throttled.pending.push({ send, expectResponse: true, correlationId: 1 });
    throttled.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(499);
    expect(send).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(throttled.pending).toHaveLength(0);
    // Sent, nothing left: the loop stops instead of re-arming every millisecond.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rechecks a pending request that waits only for an in-flight slot', () => {
    const busy = queue();
    const send = jest.fn();
    busy.inflight.set(7, {});
    busy.pending.push({ send, expectResponse: true, correlationId: 8 });
    busy.scheduleCheckPendingRequests();
    expect(jest.getTimerCount()).toBe(1);
    busy.inflight.delete(7);
    jest.advanceTimersByTime(10);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('is installed once however often it is called', () => {
    const fixed = RequestQueue.prototype.scheduleCheckPendingRequests;
    fixKafkajsIdleTimer();
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(fixed);
  });
});
