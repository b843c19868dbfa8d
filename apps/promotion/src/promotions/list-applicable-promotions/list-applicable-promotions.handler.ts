import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { canApplyIn } from '../../pricing/domain/promotion-offer.js';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Promotion } from '../promotion.js';
import { PromotionsRepository } from '../promotions.repository.js';

/**
 * The promotions in effect now that can apply to a product: its own, its category's, and the
 * cart-wide ones a cart holding it could get. Fixed amounts in another currency than the
 * product's price are left out, as pricing would ignore them.
 */
@Injectable()
export class ListApplicablePromotionsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly promotions: PromotionsRepository,
  ) {}

  async list(productId: string, now = new Date()): Promise<Promotion[]> {
    return this.dataSource.transaction(async (transaction) => {
      const [product] = await this.catalog.findProducts(transaction, [productId]);
      if (!product) throw PromotionErrors.productNotFound(productId);
      const inEffect = await this.promotions.findInEffectFor(
        transaction,
        { productIds: [productId], categoryIds: [product.categoryId] },
        now,
      );
      return inEffect.filter((promotion) => canApplyIn(promotion, product.listPrice.currency));
    });
  }
}
