import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, CouponReleased } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';

import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** The coupon is given back: on to the next compensation, or the order is cancelled. */
@Injectable()
export class ContinueCompensationWhenCouponReleased implements EventHandler<typeof CouponReleased> {
  readonly contract = CouponReleased;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof CouponReleased>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'release-coupon',
      outcome: 'succeeded',
    });
  }
}
