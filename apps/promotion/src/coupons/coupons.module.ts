import { Global, Module } from '@nestjs/common';
import { CouponsRepository } from './coupons.repository.js';
import { CreateCouponController } from './create-coupon/create-coupon.controller.js';
import { CreateCouponHandler } from './create-coupon/create-coupon.handler.js';
import { GetCouponController } from './get-coupon/get-coupon.controller.js';
import { GetCouponHandler } from './get-coupon/get-coupon.handler.js';
import { RedeemCouponController } from './redeem-coupon/redeem-coupon.controller.js';
import { RedeemCouponHandler } from './redeem-coupon/redeem-coupon.handler.js';
import { ReleaseCouponController } from './release-coupon/release-coupon.controller.js';
import { ReleaseCouponHandler } from './release-coupon/release-coupon.handler.js';
import { CouponReplyWriter } from './saga-commands/coupon-reply.writer.js';

/**
 * Coupons: admin create and read; redeem and release for orders, over HTTP and as the order
 * saga's commands (CouponCommandsModule). Global because `MessagingModule.forConsumer` builds its
 * own module around the command handlers, and that module sees only global providers.
 */
@Global()
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
    CouponReplyWriter,
  ],
  exports: [CouponsRepository, RedeemCouponHandler, ReleaseCouponHandler, CouponReplyWriter],
})
export class CouponsModule {}
