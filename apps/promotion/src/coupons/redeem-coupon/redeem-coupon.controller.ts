import { Body, Controller, HttpStatus, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  couponCodeSchema,
  type CouponRedemption,
  type RedeemCouponRequest,
  redeemCouponRequestSchema,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toRedemptionBody } from '../coupon-body.mapper.js';
import { RedeemCouponHandler } from './redeem-coupon.handler.js';

@Controller('coupons/:code/redemptions')
export class RedeemCouponController {
  constructor(private readonly handler: RedeemCouponHandler) {}

  /**
   * For orders: 201 with the new redemption, 200 with the existing one when the order already
   * redeemed the coupon. 409 `PROMOTION.COUPON_EXHAUSTED`, `PROMOTION.COUPON_CUSTOMER_LIMIT` or
   * `PROMOTION.REDEMPTION_RELEASED`; 422 `PROMOTION.COUPON_UNKNOWN` or `PROMOTION.COUPON_EXPIRED`.
   */
  @Post()
  async redeem(
    @Param('code', new ZodValidationPipe(couponCodeSchema)) code: string,
    @Body(new ZodValidationPipe(redeemCouponRequestSchema)) body: RedeemCouponRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CouponRedemption> {
    const { redemption, created } = await this.handler.redeem(code, body);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return toRedemptionBody(redemption);
  }
}
