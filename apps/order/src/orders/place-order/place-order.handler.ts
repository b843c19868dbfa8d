import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PlaceOrderRequest, Quote } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { PromotionClient } from '../../clients/promotion.client.js';
import { InvalidOrder } from '../domain/invalid-order.error.js';
import type { Order } from '../domain/order.js';
import type { OrderStatus } from '../domain/order-status.js';
import { OrderLifecycle } from '../order-lifecycle.js';
import { OrderRepository, type StoredOrder } from '../order.repository.js';
import { PlacementSagaOrchestrator } from '../saga/placement-saga.orchestrator.js';
import { orderFromQuote } from './order-from-quote.js';
import { OrderNotPlaced } from './order-not-placed.error.js';
import { placementFailureOf } from './placement-failure-of.js';
import { requestFingerprint } from './request-fingerprint.js';

export interface PlaceOrderCommand extends PlaceOrderRequest {
  idempotencyKey: string;
}

export interface PlaceOrderResult {
  order: { id: string; status: OrderStatus };
  /** The key had been used for this very request before: this is that order, not a new one. */
  replayed: boolean;
}

/**
 * Places an order: price it (the quote locks the prices into the order), then in ONE transaction
 * insert the order PENDING with OrderPlaced, its saga and the saga's first command (ReserveStock),
 * and answer at once: the saga goes on over Kafka. A request whose customer and idempotency key
 * match an earlier one gets the earlier order back, as it stands now; the same key with a
 * different request is refused.
 *
 * The quote is the one synchronous call, made before the transaction opens: a database
 * transaction must never stay open across a call to another service.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly saga: PlacementSagaOrchestrator,
    private readonly promotion: PromotionClient,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<PlaceOrderResult> {
    const idempotency = { key: command.idempotencyKey, fingerprint: requestFingerprint(command) };
    const earlier = await this.orders.findByIdempotencyKey(command.customerId, idempotency.key);
    if (earlier) return replay(earlier, idempotency.fingerprint);

    const order = orderPricedBy(await this.quote(command), command);
    const placed = await this.dataSource.transaction(async (transaction) => {
      if (!(await this.lifecycle.place(transaction, order, idempotency))) return false;
      await this.saga.begin(transaction, order);
      return true;
    });
    if (!placed) {
      // A concurrent request with the same key created its order first (and has committed it).
      const winner = await this.orders.findByIdempotencyKey(command.customerId, idempotency.key);
      return replay(winner!, idempotency.fingerprint);
    }
    return { order: { id: order.id, status: order.status }, replayed: false };
  }

  /** The prices of the request; before the order exists, so a refusal leaves nothing behind. */
  private async quote({ customerId, items, couponCode }: PlaceOrderCommand): Promise<Quote> {
    try {
      return await this.promotion.quote({ customerId, lines: items, couponCode });
    } catch (error) {
      const failure = placementFailureOf(error);
      throw failure ? new OrderNotPlaced(failure) : error;
    }
  }
}

function orderPricedBy(quote: Quote, command: PlaceOrderCommand): Order {
  try {
    return orderFromQuote(randomUUID(), command, quote);
  } catch (error) {
    if (!(error instanceof InvalidOrder)) throw error;
    throw new OrderNotPlaced({
      code: 'ORDER.DEPENDENCY_UNAVAILABLE',
      kind: 'unavailable',
      detail: `promotion: answered a quote that does not add up: ${error.message}`,
    });
  }
}

function replay(earlier: StoredOrder, fingerprint: string): PlaceOrderResult {
  const { id, status } = earlier.snapshot;
  if (earlier.requestFingerprint !== fingerprint) {
    throw new DomainError(
      'ORDER.IDEMPOTENCY_KEY_REUSED',
      'rule-violated',
      `This Idempotency-Key was used for order ${id}, with a different request. Use a new key for a new order.`,
    );
  }
  return { order: { id, status }, replayed: true };
}
