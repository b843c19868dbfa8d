import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { RedeemCouponOnCommand } from './redeem-coupon-on-command.handler.js';
import { ReleaseCouponOnCommand } from './release-coupon-on-command.handler.js';

/**
 * The order saga's commands on `promotion.commands` (RedeemCoupon, ReleaseCoupon), answered on
 * `promotion.events`. The handlers reuse the coupon use cases the global CouponsModule exports.
 */
@Module({})
export class CouponCommandsModule {
  static consuming(groupId: string): DynamicModule {
    return {
      module: CouponCommandsModule,
      imports: [
        MessagingModule.forConsumer({
          groupId,
          handlers: [RedeemCouponOnCommand, ReleaseCouponOnCommand],
        }),
      ],
    };
  }
}
