import { Module } from '@nestjs/common';
import { CouponsRepository } from './coupons.repository.js';
import { CreateCouponController } from './create-coupon/create-coupon.controller.js';
import { CreateCouponHandler } from './create-coupon/create-coupon.handler.js';
import { GetCouponController } from './get-coupon/get-coupon.controller.js';
import { GetCouponHandler } from './get-coupon/get-coupon.handler.js';
import { RedeemCouponController } from './redeem-coupon/redeem-coupon.controller.js';
import { RedeemCouponHandler } from './redeem-coupon/redeem-coupon.handler.js';
import { ReleaseCouponController } from './release-coupon/release-coupon.controller.js';
import { ReleaseCouponHandler } from './release-coupon/release-coupon.handler.js';

/** Coupons: admin create and read; redeem and release for orders. */
@Module({
  controllers: [
    CreateCouponController,
    GetCouponController,
    RedeemCouponController,
    ReleaseCouponController,
  ],
  providers: [
    CouponsRepository,
    CreateCouponHandler,
    GetCouponHandler,
    RedeemCouponHandler,
    ReleaseCouponHandler,
  ],
  exports: [CouponsRepository],
})
export class CouponsModule {}
