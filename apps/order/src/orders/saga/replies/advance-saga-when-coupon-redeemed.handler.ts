import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, CouponRedeemed } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';

import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** The coupon is redeemed: on to the pivot. */
@Injectable()
export class AdvanceSagaWhenCouponRedeemed implements EventHandler<typeof CouponRedeemed> {
  readonly contract = CouponRedeemed;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof CouponRedeemed>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'redeem-coupon',
      outcome: 'succeeded',
    });
  }
}
