import { Inject, Injectable, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '#libs/domain-errors';
import { OutboxWriter } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { Order } from '../domain/order.js';
import { OrderLifecycle } from '../order-lifecycle.js';
import { OrderRepository } from '../order.repository.js';
import type { OrderConfig } from '../../order.config.js';
import { PlacementSaga } from './domain/placement-saga.js';
import type { SagaReply } from './domain/saga-reply.js';
import type { SagaState } from './domain/saga-state.js';
import type { SagaTiming } from './domain/saga-timing.js';
import { isIgnored, type SagaTransition } from './domain/saga-transition.js';
import { appendCommand } from './saga-commands.js';
import { SagaMetrics } from './saga-metrics.js';
import { SagaRepository } from './saga.repository.js';

/**
 * Drives placement sagas: feeds each reply, deadline, cancel and admin retry to the pure
 * `PlacementSaga` and stores its decision in one local transaction: the saga row, its timeline
 * lines, the command it sends (through the outbox) and the order's change with its event. Every
 * path locks the saga row first, then the order, so replies, the sweeper, a customer's cancel and
 * an admin's retry of one saga take turns, on one replica or many.
 */
@Injectable()
export class PlacementSagaOrchestrator {
  private readonly logger = new Logger('PlacementSaga');
  readonly timing: SagaTiming;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sagas: SagaRepository,
    private readonly orders: OrderRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly outbox: OutboxWriter,
    private readonly metrics: SagaMetrics,
    @Inject(SERVICE_CONFIG) config: OrderConfig,
  ) {
    this.timing = {
      stepTimeoutMs: config.SAGA_STEP_TIMEOUT_MS,
      deadlineMs: config.SAGA_DEADLINE_MS,
      compensationMaxAttempts: config.SAGA_COMPENSATION_MAX_ATTEMPTS,
    };
  }

  /** Starts the saga of a new PENDING order, in the transaction that inserts the order. */
  async begin(transaction: EntityManager, order: Order): Promise<void> {
    const now = new Date();
    const started = PlacementSaga.start(order.id, order.couponCode !== null, now, this.timing);
    await this.sagas.insert(transaction, started.state);
    await this.store(transaction, order, undefined, started, now);
  }

  /** A participant's reply, inside the inbox transaction of the event that carried it. */
  async onReply(transaction: EntityManager, orderId: string, reply: SagaReply): Promise<void> {
    const saga = await this.sagas.lock(transaction, orderId);
    // Another deployment's order (or a test's) on a shared topic: not ours to drive.
    if (!saga) return;
    const now = new Date();
    const decision = PlacementSaga.onReply(saga, reply, now, this.timing);
    if (isIgnored(decision)) {
      this.metrics.ignoredReply(reply.step);
      this.logger.log(
        `order ${orderId}: ignored a ${reply.outcome} reply for ${reply.step} (${decision.why}); the saga is ${saga.status} at ${saga.step ?? 'its end'}`,
      );
      trace.getActiveSpan()?.addEvent('saga reply ignored', {
        'microshop.order.id': orderId,
        'microshop.saga.step': reply.step,
        'microshop.saga.why': decision.why,
      });
      return;
    }
    await this.store(
      transaction,
      await this.orders.lockById(transaction, orderId),
      saga,
      decision,
      now,
    );
  }

  /**
   * Fires the deadlines that are due, up to `limit` sagas in one transaction; returns how many it
   * took. Sagas another replica holds right now are skipped (SKIP LOCKED) and left to it.
   */
  fireDueDeadlines(limit = 100, now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const due = await this.sagas.lockDue(transaction, now, limit);
      for (const saga of due) {
        const decision = PlacementSaga.onDeadline(saga, now, this.timing);
        if (isIgnored(decision)) continue;
        const order = await this.orders.lockById(transaction, saga.orderId);
        await this.store(transaction, order, saga, decision, now);
      }
      return due.length;
    });
  }

  /**
   * The customer cancels their PENDING order: the compensation path, with
   * ORDER.CANCELLED_BY_CUSTOMER. Cancelling it again is harmless; after the pivot, or while the
   * saga already compensates for another reason, it is a 409 ORDER.NOT_CANCELLABLE.
   */
  cancelByCustomer(orderId: string): Promise<Order> {
    return this.dataSource.transaction(async (transaction) => {
      const saga = await this.lockOrFail(transaction, orderId);
      const order = await this.orders.lockById(transaction, orderId);
      const now = new Date();
      const decision = PlacementSaga.cancelByCustomer(saga, now, this.timing);
      if (decision === 'already-cancelled') return order;
      if (decision === 'not-cancellable') {
        throw new DomainError(
          'ORDER.NOT_CANCELLABLE',
          'conflict',
          `Order ${orderId} is ${order.status} and can no longer be cancelled.`,
        );
      }
      await this.store(transaction, order, saga, decision, now);
      return order;
    });
  }

  /** An admin resumes a saga parked in COMPENSATION_FAILED; 409 for any other saga. */
  retryCompensation(orderId: string): Promise<void> {
    return this.dataSource.transaction(async (transaction) => {
      const saga = await this.lockOrFail(transaction, orderId);
      const now = new Date();
      const decision = PlacementSaga.retryCompensation(saga, now, this.timing);
      if (!decision) {
        throw new DomainError(
          'ORDER.SAGA_NOT_PARKED',
          'conflict',
          `The saga of order ${orderId} is ${saga.status}: only a saga in COMPENSATION_FAILED can be retried.`,
        );
      }
      const order = await this.orders.lockById(transaction, orderId);
      await this.store(transaction, order, saga, decision, now);
    });
  }

  private async lockOrFail(transaction: EntityManager, orderId: string): Promise<SagaState> {
    const saga = await this.sagas.lock(transaction, orderId);
    if (!saga) {
      throw new DomainError('ORDER.NOT_FOUND', 'not-found', `There is no order ${orderId}.`);
    }
    return saga;
  }

  /** Writes one decision: saga row, timeline, command, order change with its event. */
  private async store(
    transaction: EntityManager,
    order: Order,
    before: SagaState | undefined,
    decision: SagaTransition,
    now: Date,
  ): Promise<void> {
    const { state, records, send, orderChange } = decision;
    if (before) await this.sagas.save(transaction, state);
    await this.sagas.appendRecords(transaction, state.orderId, records);
    if (send) await appendCommand(this.outbox, transaction, send, order.toSnapshot());
    const reason = state.reason ?? 'ORDER.UNKNOWN';
    if (orderChange === 'confirm') await this.lifecycle.confirm(transaction, order);
    if (orderChange === 'cancel') await this.lifecycle.cancel(transaction, order, reason);
    if (orderChange === 'fail-compensation') {
      await this.lifecycle.failCompensation(transaction, order, reason);
    }
    this.report(before, decision, now);
  }

  private report(before: SagaState | undefined, decision: SagaTransition, now: Date): void {
    const { state, records, send, orderChange } = decision;
    this.metrics.decided(decision, now);
    const span = trace.getActiveSpan();
    for (const { step, kind, outcome, reason, attempt } of records) {
      span?.addEvent('saga step', {
        'microshop.order.id': state.orderId,
        'microshop.saga.step': step,
        'microshop.saga.kind': kind,
        'microshop.saga.outcome': outcome,
        'microshop.saga.attempt': attempt,
        ...(reason ? { 'microshop.saga.reason': reason } : {}),
      });
    }
    const steps = records.map((r) => `${r.step} ${r.outcome}`).join(', ');
    const message =
      `order ${state.orderId}: ${steps}; saga ${before?.status ?? 'new'} → ${state.status}` +
      (send ? `, sent ${send}` : '') +
      (orderChange ? `, order ${orderChange}` : '') +
      (state.reason ? ` (${state.reason})` : '');
    if (state.status === 'COMPENSATION_FAILED') this.logger.warn(message);
    else this.logger.log(message);
  }
}
