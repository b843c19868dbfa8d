import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    return this.dataSource.transaction(async (transaction) => {
      const coupon = await this.coupons.findByCodeForUpdate(transaction, code);
      if (!coupon) throw PromotionErrors.unknownCoupon(code);

      const redemption = await this.coupons.findRedemption(transaction, code, orderId);
      if (!redemption) return this.coupons.recordTombstone(transaction, code, orderId, now);
      if (redemption.status === 'RELEASED') return redemption;

      await this.coupons.releaseRedemption(transaction, code, orderId, now);
      await this.outbox.append(transaction, CouponReleased, code, { couponCode: code, orderId });
      return { ...redemption, status: 'RELEASED' };
    });
  }
}
