import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { OrderConfig } from '../../order.config.js';
import { PlacementSagaOrchestrator } from './placement-saga.orchestrator.js';

/** Sagas handled per transaction: big enough to catch up fast, small enough to hold few locks. */
const BATCH = 100;

/**
 * Fires saga deadlines: every `SAGA_SWEEP_INTERVAL_MS` it takes the sagas whose step is due and
 * lets the saga decide (resend, compensate, park). Saga state lives only in the database, so
 * this is also what resumes every unfinished saga after a crash or restart: nothing else is
 * needed. Replicas sweep side by side; SKIP LOCKED hands each due saga to one of them.
 */
@Injectable()
export class SagaSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SagaSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly orchestrator: PlacementSagaOrchestrator,
    @Inject(SERVICE_CONFIG) private readonly config: OrderConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.SAGA_SWEEP_INTERVAL_MS);
    this.timer.unref();
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One sweep at a time: a slow sweep is not joined by the next tick. */
  private tick(): void {
    if (this.sweeping) return;
    this.sweeping = this.sweep().finally(() => (this.sweeping = undefined));
  }

  /** Takes due sagas a batch at a time until none is left. */
  async sweep(): Promise<void> {
    try {
      while ((await this.orchestrator.fireDueDeadlines(BATCH)) === BATCH) {
        // A full batch: there may be more due right now.
      }
    } catch (error) {
      // The database is down or restarting: the next tick tries again.
      this.logger.warn(
        `sweep failed, retrying in ${this.config.SAGA_SWEEP_INTERVAL_MS} ms: ${String(error)}`,
      );
    }
  }
}
