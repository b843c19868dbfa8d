import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CouponReleased } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { PromotionErrors } from '../../promotion.errors.js';
import type { CouponRedemption } from '../coupon-redemption.js';
import { CouponsRepository } from '../coupons.repository.js';

/**
 * Gives an order's redemption back, idempotently. A release can overtake its redemption (the
 * order's saga timed out waiting for the redeem and compensated): then a tombstone is recorded,
 * so the late redemption is refused instead of holding a slot for an order that no longer exists.
 */
@Injectable()
export class ReleaseCouponHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async release(code: string, orderId: string, now = new Date()): Promise<CouponRedemption> {
    const { redemption } = await this.dataSource.transaction((transaction) =>
      this.releaseWithin(transaction, code, orderId, now),
    );
    return redemption;
  }

  /**
   * The release itself, in the caller's transaction (the saga's ReleaseCoupon command runs it in
   * its inbox transaction). `announced` says whether CouponReleased went to the outbox this time.
   */
  async releaseWithin(
    transaction: EntityManager,
    code: string,
    orderId: string,
    now = new Date(),
  ): Promise<{ redemption: CouponRedemption; announced: boolean }> {
    const coupon = await this.coupons.findByCodeForUpdate(transaction, code);
    if (!coupon) throw PromotionErrors.unknownCoupon(code);

    const redemption = await this.coupons.findRedemption(transaction, code, orderId);
    if (!redemption) {
      const tombstone = await this.coupons.recordTombstone(transaction, code, orderId, now);
      return { redemption: tombstone, announced: false };
    }
    if (redemption.status === 'RELEASED') return { redemption, announced: false };

    await this.coupons.releaseRedemption(transaction, code, orderId, now);
    await this.outbox.append(transaction, CouponReleased, code, { couponCode: code, orderId });
    return { redemption: { ...redemption, status: 'RELEASED' }, announced: true };
  }
}
