import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CouponRedeemed, type RedeemCouponRequest } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { PromotionErrors } from '../../promotion.errors.js';
import type { CouponRedemption } from '../coupon-redemption.js';
import { CouponsRepository } from '../coupons.repository.js';
import { assertCouponUsable } from '../domain/coupon-usability.js';

export interface RedeemOutcome {
  redemption: CouponRedemption;
  /** False when the order had already redeemed the coupon: nothing changed. */
  created: boolean;
}

/**
 * Redeems a coupon for an order, idempotent by order id. The coupon's row lock serialises every
 * redemption and release of the coupon, so of two orders racing for its last redemption exactly
 * one wins; the database's CHECK on the count backs that up.
 */
@Injectable()
export class RedeemCouponHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async redeem(
    code: string,
    request: RedeemCouponRequest,
    now = new Date(),
  ): Promise<RedeemOutcome> {
    return this.dataSource.transaction((transaction) =>
      this.redeemWithin(transaction, code, request, now),
    );
  }

  /**
   * The redemption itself, in the caller's transaction (the saga's RedeemCoupon command runs it in
   * its inbox transaction). Throws the refusal as a `DomainError`; CouponRedeemed is written only
   * when `created`.
   */
  async redeemWithin(
    transaction: EntityManager,
    code: string,
    { orderId, customerId }: RedeemCouponRequest,
    now = new Date(),
  ): Promise<RedeemOutcome> {
    const coupon = await this.coupons.findByCodeForUpdate(transaction, code);
    if (!coupon) throw PromotionErrors.unknownCoupon(code);

    const earlier = await this.coupons.findRedemption(transaction, code, orderId);
    // A repeat answers as the first call did, even if the coupon has expired since.
    if (earlier?.status === 'REDEEMED') return { redemption: earlier, created: false };
    if (earlier?.status === 'RELEASED') throw PromotionErrors.redemptionReleased(code, orderId);

    const held = await this.coupons.countHeldBy(transaction, code, customerId);
    assertCouponUsable(coupon, now, held);
    const redemption = await this.coupons.recordRedemption(
      transaction,
      { code, orderId, customerId },
      now,
    );
    await this.outbox.append(transaction, CouponRedeemed, code, {
      couponCode: code,
      orderId,
      customerId,
    });
    return { redemption, created: true };
  }
}
