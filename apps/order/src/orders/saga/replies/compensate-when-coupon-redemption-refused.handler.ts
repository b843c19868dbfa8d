import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, CouponRedemptionRefused } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { couponRefusalReason } from './refusal-reasons.js';
import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** Promotion refused the coupon: the saga releases the stock and cancels the order. */
@Injectable()
export class CompensateWhenCouponRedemptionRefused implements EventHandler<
  typeof CouponRedemptionRefused
> {
  readonly contract = CouponRedemptionRefused;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof CouponRedemptionRefused>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'redeem-coupon',
      outcome: 'refused',
      reason: couponRefusalReason(event.payload.reason),
    });
  }
}
