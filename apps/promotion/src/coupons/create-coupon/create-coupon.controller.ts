import { Body, Controller, Post } from '@nestjs/common';
import { type Coupon, type CreateCouponRequest, createCouponRequestSchema } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toCouponBody } from '../coupon-body.mapper.js';
import { CreateCouponHandler } from './create-coupon.handler.js';

@Controller('coupons')
export class CreateCouponController {
  constructor(private readonly handler: CreateCouponHandler) {}

  /** Admin: 201 with the coupon; 409 `PROMOTION.COUPON_CODE_TAKEN`. */
  @Post()
  async create(
    @Body(new ZodValidationPipe(createCouponRequestSchema)) body: CreateCouponRequest,
  ): Promise<Coupon> {
    return toCouponBody(await this.handler.create(body));
  }
}
