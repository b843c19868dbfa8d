import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Coupon } from '../coupon.js';
import { CouponsRepository } from '../coupons.repository.js';

@Injectable()
export class GetCouponHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsRepository,
  ) {}

  async get(code: string): Promise<Coupon> {
    const coupon = await this.coupons.findByCode(this.dataSource.manager, code);
    if (!coupon) throw PromotionErrors.couponNotFound(code);
    return coupon;
  }
}
