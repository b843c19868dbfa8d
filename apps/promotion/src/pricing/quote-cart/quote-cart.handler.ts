import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QuoteRequest } from '#libs/contracts';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { CouponsRepository } from '../../coupons/coupons.repository.js';
import { assertCouponUsable } from '../../coupons/domain/coupon-usability.js';
import { PromotionErrors } from '../../promotion.errors.js';
import { PromotionsRepository } from '../../promotions/promotions.repository.js';
import { type CartLine, type CouponOffer, priceCart } from '../domain/price-cart.js';
import type { PricedCart } from '../domain/priced-cart.js';

/**
 * Prices a cart from what this service knows: list prices from the product projection (never
 * prices sent by the caller), the promotions in effect, and the coupon if it is usable. A quote
 * changes nothing; redeeming the coupon is a separate step, when the order is placed.
 */
@Injectable()
export class QuoteCartHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly promotions: PromotionsRepository,
    private readonly coupons: CouponsRepository,
  ) {}

  async quote(request: QuoteRequest, now = new Date()): Promise<PricedCart> {
    return this.dataSource.transaction(async (transaction) => {
      const lines = await this.cartLines(transaction, request.lines);
      const promotions = await this.promotions.findInEffectFor(
        transaction,
        {
          productIds: lines.map((line) => line.productId),
          categoryIds: lines.map((line) => line.categoryId),
        },
        now,
      );
      const coupon =
        request.couponCode === undefined
          ? undefined
          : await this.usableCoupon(transaction, request.couponCode, request.customerId, now);
      return priceCart({ lines, promotions, coupon });
    });
  }

  private async cartLines(
    transaction: EntityManager,
    requested: QuoteRequest['lines'],
  ): Promise<CartLine[]> {
    const known = await this.catalog.findProducts(
      transaction,
      requested.map((line) => line.productId),
    );
    const byId = new Map(known.map((product) => [product.productId, product]));
    const unknown = requested.filter((line) => !byId.has(line.productId));
    if (unknown.length > 0) throw PromotionErrors.unknownProducts(unknown.map((l) => l.productId));

    return requested.map(({ productId, quantity }) => {
      const product = byId.get(productId)!;
      return { productId, quantity, categoryId: product.categoryId, unitPrice: product.listPrice };
    });
  }

  private async usableCoupon(
    transaction: EntityManager,
    code: string,
    customerId: string | undefined,
    now: Date,
  ): Promise<CouponOffer> {
    const coupon = await this.coupons.findByCode(transaction, code);
    if (!coupon) throw PromotionErrors.unknownCoupon(code);
    const held =
      customerId === undefined
        ? undefined
        : await this.coupons.countHeldBy(transaction, code, customerId);
    assertCouponUsable(coupon, now, held);
    return { code: coupon.code, discount: coupon.discount };
  }
}
