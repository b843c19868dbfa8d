import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Counter } from 'prom-client';
import { DEMO_CATEGORIES, demoProductId, demoSku } from '#libs/demo-data';
import { FaultSettings } from '#libs/fault-injection';
import { UpstreamError } from '#libs/http-client';
import type { ProductFaults } from '../faults/product-faults.schema.js';
import { type FloodOutcome, PROMOTION_FLOOD_CALLS } from './promotion-flood.metrics.js';
import type { PromotionFloodSettings } from './promotion-flood.schema.js';
import { PromotionClient } from './promotion.client.js';

const WATCH_INTERVAL_MS = 250;
const QUOTE = {
  lines: [{ productId: demoProductId(demoSku(DEMO_CATEGORIES[0].skuPrefix, 1)), quantity: 1 }],
};

/**
 * Runs the `promotionFlood` fault: while it is on, `concurrency` workers call promotion's
 * `POST /quotes` back to back. The bug it plays is a retry loop that ignores `Retry-After`, so its
 * calls opt out of the client's polite retries. It stops within a call when the fault is cleared,
 * and clears the fault itself after `durationSeconds`.
 */
@Injectable()
export class PromotionFlood implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PromotionFlood');
  private watch?: NodeJS.Timeout;
  private running?: {
    settings: PromotionFloodSettings;
    stop: AbortController;
    done: Promise<void>;
  };

  constructor(
    @Inject(FaultSettings) private readonly faults: FaultSettings<ProductFaults>,
    @Inject(PromotionClient) private readonly promotion: PromotionClient,
    @InjectMetric(PROMOTION_FLOOD_CALLS) private readonly calls: Counter<'outcome'>,
  ) {}

  onModuleInit(): void {
    // FaultSettings has no change events: a quarter-second look is quick enough for a demo switch.
    this.watch = setInterval(() => void this.follow(), WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    await this.stop();
  }

  private async follow(): Promise<void> {
    const wanted = this.faults.current().promotionFlood;
    const enabled = this.faults.enabled && wanted?.enabled === true;
    if (this.running && (!enabled || this.running.settings !== wanted)) await this.stop();
    if (enabled && !this.running) this.start(wanted);
  }

  private start(settings: PromotionFloodSettings): void {
    const stop = new AbortController();
    const endsAt = Date.now() + settings.durationSeconds * 1000;
    const pace = settings.ratePerSecond ? new Pace(settings.ratePerSecond) : undefined;
    this.logger.warn(`promotion flood started: ${JSON.stringify(settings)}`);
    const worker = async () => {
      while (!stop.signal.aborted && Date.now() < endsAt) {
        if (pace) await pace.next(stop.signal);
        if (stop.signal.aborted) return;
        this.calls.inc({ outcome: await this.callOnce(stop.signal) });
      }
    };
    const done = Promise.all(Array.from({ length: settings.concurrency }, worker)).then(() => {
      if (!stop.signal.aborted) {
        this.logger.warn('promotion flood reached its duration: switching the fault off');
        this.faults.merge({ promotionFlood: null }, 'product');
      }
    });
    this.running = { settings, stop, done };
  }

  private async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    running.stop.abort();
    await running.done;
    this.logger.warn('promotion flood stopped');
  }

  private async callOnce(signal: AbortSignal): Promise<FloodOutcome> {
    try {
      await this.promotion.quote(QUOTE, { signal, retryAfter: false });
      return 'served';
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 429) return 'rate_limited';
      // A 4xx other than 429 is promotion serving the call (e.g. a product it does not know yet).
      if (error instanceof UpstreamError && error.status >= 400 && error.status < 500) {
        return 'served';
      }
      return 'failed';
    }
  }
}

/** Spaces out starts so that all workers together start at most `perSecond` calls a second. */
class Pace {
  private nextAt = Date.now();
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  async next(signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.intervalMs;
    if (at > now) await sleep(at - now, undefined, { signal }).catch(() => undefined);
  }
}
