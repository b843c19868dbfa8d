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
      // Every call here is safe to repeat (quotes change nothing; redeem and release are
      // idempotent by order id), so a 429 or 503 with Retry-After is retried after the asked-for
      // wait plus jitter, within the deadline and a retry budget (docs/rate-limiting.md).
      retryAfter: { maxAttempts: 3, maxWaitMs: 1_000 },
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
