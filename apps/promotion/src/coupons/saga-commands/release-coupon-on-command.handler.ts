import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ReleaseCoupon } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import type { EventHandler } from '#libs/messaging';
import { ReleaseCouponHandler } from '../release-coupon/release-coupon.handler.js';
import { CouponReplyWriter } from './coupon-reply.writer.js';

/**
 * The saga's ReleaseCoupon (a compensation): gives the order's redemption back and answers
 * CouponReleased, every time, so the orchestrator can finish compensating. A release before the
 * redemption leaves a tombstone (the late RedeemCoupon is refused); a release of a coupon that
 * does not exist has nothing to give back and is answered all the same. Never faulted:
 * compensations must get through.
 */
@Injectable()
export class ReleaseCouponOnCommand implements EventHandler<typeof ReleaseCoupon> {
  readonly contract = ReleaseCoupon;

  constructor(
    private readonly releasing: ReleaseCouponHandler,
    private readonly replies: CouponReplyWriter,
  ) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof ReleaseCoupon>>,
    transaction: EntityManager,
  ): Promise<void> {
    const code = payload.couponCode.trim().toUpperCase();
    let announced = false;
    try {
      ({ announced } = await this.releasing.releaseWithin(transaction, code, payload.orderId));
    } catch (error) {
      // The only refusal is an unknown coupon: nothing was ever held, so it is released.
      if (!(error instanceof DomainError)) throw error;
    }
    if (!announced) await this.replies.released(transaction, code, payload.orderId);
  }
}
