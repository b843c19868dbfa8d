import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateCouponRequest } from '#libs/contracts';
import { discountFromFields } from '../../pricing/discount-fields.js';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Coupon } from '../coupon.js';
import { CouponsRepository } from '../coupons.repository.js';

@Injectable()
export class CreateCouponHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsRepository,
  ) {}

  /** Creates the coupon; `PROMOTION.COUPON_CODE_TAKEN` when its code exists in any letter case. */
  async create(request: CreateCouponRequest): Promise<Coupon> {
    const coupon: Coupon = {
      code: request.code,
      discount: discountFromFields({
        percentOff: request.percentOff ?? null,
        amountOff: request.amountOff ?? null,
      }),
      maxRedemptions: request.maxRedemptions,
      perCustomerLimit: request.perCustomerLimit ?? null,
      validUntil: request.validUntil ? new Date(request.validUntil) : null,
      activeRedemptions: 0,
    };
    const stored = await this.coupons.insertIfCodeFree(this.dataSource.manager, coupon);
    if (!stored) throw PromotionErrors.couponCodeTaken(coupon.code);
    return coupon;
  }
}
