import { Injectable, Logger } from '@nestjs/common';
import { ProductClient } from '../../clients/product.client.js';
import { PromotionClient } from '../../clients/promotion.client.js';
import type { Order } from '../domain/order.js';
import type { OrderSnapshot } from '../domain/order-snapshot.js';
import { type PlacementStep, runPlacementSteps } from '../domain/placement-steps.js';
import { OrderLifecycle } from '../order-lifecycle.js';
import { OrderNotPlaced } from './order-not-placed.error.js';
import { placementFailureOf } from './placement-failure-of.js';

/**
 * The simple placement path: reserve the stock, redeem the coupon, commit the stock, then confirm,
 * all within the customer's request. When a step fails, what was done is given back, newest first,
 * and the order ends CANCELLED with the failure's code, or COMPENSATION_FAILED when something it
 * surely held could not be given back.
 *
 * The saga (issue 7) replaces this: it persists each step, survives crashes and retries
 * compensations. Here a crash mid-way leaves the order PENDING.
 */
@Injectable()
export class SynchronousPlacement {
  private readonly logger = new Logger(SynchronousPlacement.name);

  constructor(
    private readonly product: ProductClient,
    private readonly promotion: PromotionClient,
    private readonly lifecycle: OrderLifecycle,
  ) {}

  /** Runs the steps for a new PENDING order; returns it CONFIRMED or throws `OrderNotPlaced`. */
  async complete(order: OrderSnapshot): Promise<Order> {
    const outcome = await runPlacementSteps(this.stepsFor(order), placementFailureOf);
    if (outcome.succeeded) return this.lifecycle.confirm(order.id);

    const { failure, failedStep, failedUndos } = outcome;
    for (const undo of failedUndos) {
      this.logger.warn(
        `order ${order.id}: undoing ${undo.step} after ${failedStep} failed did not work: ${String(undo.error)}`,
      );
    }
    const stillHolds = failedUndos.some((undo) => undo.stepCompleted);
    if (stillHolds) await this.lifecycle.failCompensation(order.id, failure.code);
    else await this.lifecycle.cancel(order.id, failure.code);
    throw new OrderNotPlaced(failure, order.id);
  }

  private stepsFor({ id: orderId, customerId, couponCode, lines }: OrderSnapshot): PlacementStep[] {
    const reserveStock: PlacementStep = {
      name: 'reserve-stock',
      run: () =>
        this.product.reserveStock({
          orderId,
          lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
        }),
      undo: () => this.product.releaseStock(orderId),
    };
    const redeemCoupon: PlacementStep[] = couponCode
      ? [
          {
            name: 'redeem-coupon',
            run: () => this.promotion.redeemCoupon(couponCode, { orderId, customerId }),
            undo: () => this.promotion.releaseCoupon(couponCode, orderId),
          },
        ]
      : [];
    // Nothing undoes a commit: if it fails, releasing the reservation (above) is the undo, and
    // product refuses that if the commit went through after all.
    const commitStock: PlacementStep = {
      name: 'commit-stock',
      run: () => this.product.commitStock(orderId),
    };
    return [reserveStock, ...redeemCoupon, commitStock];
  }
}
