import { Controller, Get, Param } from '@nestjs/common';
import { type Coupon, couponCodeSchema } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toCouponBody } from '../coupon-body.mapper.js';
import { GetCouponHandler } from './get-coupon.handler.js';

@Controller('coupons')
export class GetCouponController {
  constructor(private readonly handler: GetCouponHandler) {}

  /** Admin: the coupon with its count of held `redemptions`; 404 `PROMOTION.COUPON_UNKNOWN`. */
  @Get(':code')
  async get(@Param('code', new ZodValidationPipe(couponCodeSchema)) code: string): Promise<Coupon> {
    return toCouponBody(await this.handler.get(code));
  }
}
