import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, RedeemCoupon } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { FaultSettings } from '#libs/fault-injection';
import type { EventHandler } from '#libs/messaging';
import type { PromotionFaults } from '../../faults/promotion-faults.schema.js';
import { CouponsRepository } from '../coupons.repository.js';
import { RedeemCouponHandler } from '../redeem-coupon/redeem-coupon.handler.js';
import { CouponReplyWriter } from './coupon-reply.writer.js';

/** The refusal an admin's fault switch gives (docs/fault-injection.md). */
export const INJECTED_FAULT_REASON = 'PROMOTION.INJECTED_FAULT';

/**
 * The saga's RedeemCoupon: the same redemption as `POST /coupons/:code/redemptions`, answered with
 * CouponRedeemed or CouponRedemptionRefused (`reason` = the stable code, e.g.
 * `PROMOTION.COUPON_EXHAUSTED`). A refusal is remembered, so a resent command gets the same
 * refusal rather than a redemption that succeeds later, after the saga compensated; a resend
 * after a redemption gets CouponRedeemed again. After a release (a tombstone included) the answer
 * is `PROMOTION.REDEMPTION_RELEASED`.
 */
@Injectable()
export class RedeemCouponOnCommand implements EventHandler<typeof RedeemCoupon> {
  readonly contract = RedeemCoupon;

  constructor(
    private readonly coupons: CouponsRepository,
    private readonly redeeming: RedeemCouponHandler,
    private readonly replies: CouponReplyWriter,
    @Inject(FaultSettings) private readonly faults: FaultSettings<PromotionFaults>,
  ) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof RedeemCoupon>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { orderId, customerId } = payload;
    const code = payload.couponCode.trim().toUpperCase();
    // The coupon's row lock first: every command on this coupon runs after the others, so the
    // checks below cannot be overtaken (an unknown code has nothing to lock and nothing to race).
    const coupon = await this.coupons.findByCodeForUpdate(transaction, code);
    const refusal = await this.coupons.findRefusal(transaction, code, orderId);
    if (refusal) return this.replies.refused(transaction, code, orderId, refusal);

    const earlier = coupon && (await this.coupons.findRedemption(transaction, code, orderId));
    if (!earlier) {
      // Faults are drawn for first redemptions only, like the real refusals they imitate.
      switch (this.faults.pull('redeemCoupon')) {
        case 'no-reply':
          // Nothing recorded, nothing answered: the orchestrator's deadline has to act.
          trace
            .getActiveSpan()
            ?.addEvent('saga_reply_withheld', { 'saga.command': 'RedeemCoupon' });
          return;
        case 'fail':
          return this.refuse(transaction, code, orderId, INJECTED_FAULT_REASON);
        case undefined:
          break;
      }
    }

    try {
      const { created } = await this.redeeming.redeemWithin(transaction, code, {
        orderId,
        customerId,
      });
      // The first redemption wrote CouponRedeemed with the change; a resend says it again.
      if (!created) await this.replies.redeemed(transaction, code, orderId, customerId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.refuse(transaction, code, orderId, error.code);
    }
  }

  private async refuse(
    transaction: EntityManager,
    code: string,
    orderId: string,
    reason: string,
  ): Promise<void> {
    const recorded = await this.coupons.recordRefusal(transaction, code, orderId, reason);
    await this.replies.refused(transaction, code, orderId, recorded);
  }
}
