import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BoughtTogether, UnitsBought } from './domain/purchases-in-order.js';

/**
 * Co-purchase statistics, only ever added to. Every write is one `INSERT ... ON CONFLICT DO
 * UPDATE` that adds to the stored count, so handlers running at the same time (other partitions,
 * other replicas) never lose each other's increments. Callers pass entries sorted by product id,
 * so concurrent transactions lock rows in the same order.
 */
@Injectable()
export class PurchaseStatisticsRepository {
  /** Popularity: units sold per product across all confirmed orders. */
  async addUnitsSold(transaction: EntityManager, units: readonly UnitsBought[]): Promise<void> {
    await transaction.query(
      `INSERT INTO product_popularity (product_id, units_sold)
       SELECT * FROM unnest($1::uuid[], $2::bigint[])
       ON CONFLICT (product_id)
          DO UPDATE SET units_sold = product_popularity.units_sold + excluded.units_sold`,
      [units.map((entry) => entry.productId), units.map((entry) => entry.units)],
    );
  }

  /** Counts one more order for each pair of products bought together. */
  async addOrderToPairs(
    transaction: EntityManager,
    pairs: readonly BoughtTogether[],
  ): Promise<void> {
    if (pairs.length === 0) return;
    await transaction.query(
      `INSERT INTO co_purchases (product_id, bought_with_id, orders)
       SELECT product_id, bought_with_id, 1 FROM unnest($1::uuid[], $2::uuid[])
                AS pair (product_id, bought_with_id)
       ON CONFLICT (product_id, bought_with_id)
          DO UPDATE SET orders = co_purchases.orders + excluded.orders`,
      [pairs.map((pair) => pair.productId), pairs.map((pair) => pair.boughtWithId)],
    );
  }

  /** The customer's purchase history: units bought per product. */
  async addToCustomerHistory(
    transaction: EntityManager,
    customerId: string,
    units: readonly UnitsBought[],
  ): Promise<void> {
    await transaction.query(
      `INSERT INTO customer_purchases (customer_id, product_id, units)
       SELECT $1, product_id, units FROM unnest($2::uuid[], $3::bigint[]) AS bought (product_id, units)
       ON CONFLICT (customer_id, product_id)
          DO UPDATE SET units = customer_purchases.units + excluded.units`,
      [customerId, units.map((entry) => entry.productId), units.map((entry) => entry.units)],
    );
  }
}
