import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Money } from '#libs/contracts';
import type { CatalogProduct } from './catalog-product.js';

interface CatalogProductRow {
  product_id: string;
  category_id: string;
  list_price_amount: number;
  currency: string;
}

/**
 * The price projection. Every write carries the time of the event that caused it and loses
 * against a newer state: one product's events arrive in order, but a dead letter replayed later
 * must not roll a price back.
 */
@Injectable()
export class CatalogRepository {
  /** Inserts the product or overwrites it with this state, unless a newer state is already here. */
  async recordProduct(
    transaction: EntityManager,
    product: CatalogProduct,
    occurredAt: string,
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO catalog_products
              (product_id, category_id, list_price_amount, currency, last_event_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_id) DO UPDATE
          SET category_id = excluded.category_id, list_price_amount = excluded.list_price_amount,
              currency = excluded.currency, last_event_at = excluded.last_event_at
        WHERE catalog_products.last_event_at <= excluded.last_event_at`,
      [
        product.productId,
        product.categoryId,
        product.listPrice.amount,
        product.listPrice.currency,
        occurredAt,
      ],
    );
  }

  /**
   * Sets a known product's list price unless a newer state is already here. Returns false when
   * the product is not in the projection at all.
   */
  async changeListPrice(
    transaction: EntityManager,
    productId: string,
    price: Money,
    occurredAt: string,
  ): Promise<boolean> {
    await transaction.query(
      `UPDATE catalog_products
          SET list_price_amount = $2, currency = $3, last_event_at = $4
        WHERE product_id = $1 AND last_event_at <= $4`,
      [productId, price.amount, price.currency, occurredAt],
    );
    return (await this.findProducts(transaction, [productId])).length > 0;
  }

  /** The products among `productIds` that the projection knows, in no particular order. */
  async findProducts(
    transaction: EntityManager,
    productIds: readonly string[],
  ): Promise<CatalogProduct[]> {
    const rows: CatalogProductRow[] = await transaction.query(
      `SELECT product_id, category_id, list_price_amount, currency
         FROM catalog_products WHERE product_id = ANY($1::uuid[])`,
      [productIds],
    );
    return rows.map((row) => ({
      productId: row.product_id,
      categoryId: row.category_id,
      listPrice: { amount: row.list_price_amount, currency: row.currency },
    }));
  }
}
