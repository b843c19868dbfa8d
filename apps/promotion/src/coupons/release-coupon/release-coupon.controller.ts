import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { couponCodeSchema, type CouponRedemption } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toRedemptionBody } from '../coupon-body.mapper.js';
import { ReleaseCouponHandler } from './release-coupon.handler.js';

@Controller('coupons/:code/redemptions/:orderId/release')
export class ReleaseCouponController {
  constructor(private readonly handler: ReleaseCouponHandler) {}

  /**
   * For orders: 200 `{ status: 'RELEASED' }` every time, whether this call released the
   * redemption, an earlier one did, or none existed yet (a tombstone). 422 `PROMOTION.COUPON_UNKNOWN`.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  async release(
    @Param('code', new ZodValidationPipe(couponCodeSchema)) code: string,
    @Param('orderId', new ZodValidationPipe(z.uuid())) orderId: string,
  ): Promise<CouponRedemption> {
    return toRedemptionBody(await this.handler.release(code, orderId));
  }
}
