import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Money } from '#libs/contracts';
import type { CatalogProduct } from './catalog-product.js';

interface CatalogRow {
  product_id: string;
  name: string;
  category_id: string;
  price_amount: string;
  price_currency: string;
}

/**
 * The read model's copy of the catalog. Every write carries the time of the event that caused it
 * and loses against a newer state: events of one product arrive in order, but a dead letter
 * replayed later must not roll a product back.
 */
@Injectable()
export class CatalogRepository {
  /** Inserts the product or overwrites it with this state, unless a newer state is already here. */
  async copyProduct(
    transaction: EntityManager,
    product: CatalogProduct,
    occurredAt: string,
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO catalog_products
              (product_id, name, category_id, price_amount, price_currency, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id) DO UPDATE
          SET name = excluded.name, category_id = excluded.category_id,
              price_amount = excluded.price_amount, price_currency = excluded.price_currency,
              last_event_at = excluded.last_event_at
        WHERE catalog_products.last_event_at <= excluded.last_event_at`,
      [
        product.productId,
        product.name,
        product.categoryId,
        product.price.amount,
        product.price.currency,
        occurredAt,
      ],
    );
  }

  /**
   * Sets a product's price unless a newer state is already here. Returns false when the product is
   * not in the read model at all, so the caller can decide what an orphaned price means.
   */
  async changePrice(
    transaction: EntityManager,
    productId: string,
    price: Money,
    occurredAt: string,
  ): Promise<boolean> {
    // One statement: the update, and whether the product exists at all (unaffected by it).
    const [{ known }]: { known: boolean }[] = await transaction.query(
      `WITH changed AS (
         UPDATE catalog_products
            SET price_amount = $2, price_currency = $3, last_event_at = $4
          WHERE product_id = $1 AND last_event_at <= $4
       )
       SELECT EXISTS (SELECT 1 FROM catalog_products WHERE product_id = $1) AS known`,
      [productId, price.amount, price.currency, occurredAt],
    );
    return known;
  }

  async findProduct(
    transaction: EntityManager,
    productId: string,
  ): Promise<CatalogProduct | undefined> {
    const [row]: CatalogRow[] = await transaction.query(
      `SELECT product_id, name, category_id, price_amount, price_currency
         FROM catalog_products WHERE product_id = $1`,
      [productId],
    );
    return row && toCatalogProduct(row);
  }
}

function toCatalogProduct(row: CatalogRow): CatalogProduct {
  return {
    productId: row.product_id,
    name: row.name,
    categoryId: row.category_id,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
  };
}
