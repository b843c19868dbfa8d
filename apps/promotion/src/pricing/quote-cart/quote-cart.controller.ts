import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { type Quote, type QuoteRequest, quoteRequestSchema } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toQuoteBody } from './quote-body.mapper.js';
import { QuoteCartHandler } from './quote-cart.handler.js';

@Controller('quotes')
export class QuoteCartController {
  constructor(private readonly handler: QuoteCartHandler) {}

  /**
   * 200 with the priced cart (a quote creates nothing). 422 `PROMOTION.UNKNOWN_PRODUCT`,
   * `PROMOTION.MIXED_CURRENCIES`, `PROMOTION.COUPON_UNKNOWN`, `PROMOTION.COUPON_EXPIRED` or
   * `PROMOTION.COUPON_CURRENCY_MISMATCH`; 409 `PROMOTION.COUPON_EXHAUSTED` or
   * `PROMOTION.COUPON_CUSTOMER_LIMIT`.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  async quote(@Body(new ZodValidationPipe(quoteRequestSchema)) body: QuoteRequest): Promise<Quote> {
    return toQuoteBody(await this.handler.quote(body));
  }
}
