import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  type CouponRedemption,
  couponRedemptionSchema,
  type Quote,
  type QuoteRequest,
  quoteSchema,
  type RedeemCouponRequest,
} from '#libs/contracts';
import { ServiceClient } from '#libs/http-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { ServiceTokenSigner } from '#libs/service-identity';
import type { OrderConfig } from '../order.config.js';

/** The promotion service's prices and coupons, as the order service uses them. */
@Injectable()
export class PromotionClient implements OnApplicationShutdown {
  private readonly http: ServiceClient;

  constructor(
    @Inject(SERVICE_CONFIG) config: OrderConfig,
    @Inject(ServiceTokenSigner) signer: ServiceTokenSigner,
  ) {
    this.http = new ServiceClient({
      service: 'promotion',
      baseUrl: config.PROMOTION_URL,
      timeoutMs: config.DOWNSTREAM_TIMEOUT_MS,
      // The promotion service refuses calls without a token minted for it (docs/gateway.md).
      authorization: () => signer.authorizationFor('promotion'),
    });
  }

  /** Prices a cart at today's list prices, promotions and coupon; changes nothing. */
  quote(request: QuoteRequest): Promise<Quote> {
    return this.http.post('/quotes', request, quoteSchema);
  }

  /** Uses one redemption of the coupon for the order; idempotent by order id. */
  redeemCoupon(code: string, request: RedeemCouponRequest): Promise<CouponRedemption> {
    return this.http.post(
      `/coupons/${encodeURIComponent(code)}/redemptions`,
      request,
      couponRedemptionSchema,
    );
  }

  /** Gives the order's redemption back; for an order that redeemed nothing, refuses a later one. */
  releaseCoupon(code: string, orderId: string): Promise<CouponRedemption> {
    return this.http.post(
      `/coupons/${encodeURIComponent(code)}/redemptions/${orderId}/release`,
      undefined,
      couponRedemptionSchema,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
