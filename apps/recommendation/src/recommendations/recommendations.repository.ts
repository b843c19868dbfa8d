import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecommendedProduct } from '#libs/contracts';

interface CandidateRow {
  product_id: string;
  name: string;
  category_id: string;
  price_amount: string;
  price_currency: string;
  score: string;
}

const CANDIDATE_COLUMNS = `c.product_id, c.name, c.category_id, c.price_amount, c.price_currency`;

/**
 * Ranked candidates for each strategy, best first. Only products the catalog copy knows can be
 * recommended (a recommendation needs a name and a price). Ties are broken by overall popularity,
 * then by name and id, so the same statistics always give the same answer.
 */
@Injectable()
export class RecommendationsRepository {
  /** Products bought in the same orders as `productId`; score: how many orders. */
  async findBoughtTogether(
    transaction: EntityManager,
    productId: string,
    limit: number,
  ): Promise<RecommendedProduct[]> {
    const rows: CandidateRow[] = await transaction.query(
      `SELECT ${CANDIDATE_COLUMNS}, pair.orders AS score
         FROM co_purchases pair
         JOIN catalog_products c ON c.product_id = pair.bought_with_id
         LEFT JOIN product_popularity p ON p.product_id = pair.bought_with_id
        WHERE pair.product_id = $1
        ORDER BY pair.orders DESC, COALESCE(p.units_sold, 0) DESC, c.name, c.product_id
        LIMIT $2`,
      [productId, limit],
    );
    return rows.map(toRecommendedProduct);
  }

  /**
   * The category's products by units sold (score), including those nobody has bought yet: being in
   * the same category is already a reason to show a product.
   */
  async findPopularInCategory(
    transaction: EntityManager,
    categoryId: string,
    limit: number,
  ): Promise<RecommendedProduct[]> {
    const rows: CandidateRow[] = await transaction.query(
      `SELECT ${CANDIDATE_COLUMNS}, COALESCE(p.units_sold, 0) AS score
         FROM catalog_products c
         LEFT JOIN product_popularity p ON p.product_id = c.product_id
        WHERE c.category_id = $1
        ORDER BY score DESC, c.name, c.product_id
        LIMIT $2`,
      [categoryId, limit],
    );
    return rows.map(toRecommendedProduct);
  }

  /**
   * Products bought together with anything the customer bought, which the customer has not bought
   * yet; score: orders bought together, summed over their history.
   */
  async findBoughtWithHistory(
    transaction: EntityManager,
    customerId: string,
    limit: number,
  ): Promise<RecommendedProduct[]> {
    const rows: CandidateRow[] = await transaction.query(
      `SELECT ${CANDIDATE_COLUMNS}, SUM(pair.orders) AS score
         FROM customer_purchases bought
         JOIN co_purchases pair ON pair.product_id = bought.product_id
         JOIN catalog_products c ON c.product_id = pair.bought_with_id
         LEFT JOIN product_popularity p ON p.product_id = pair.bought_with_id
        WHERE bought.customer_id = $1
          AND NOT EXISTS (SELECT 1 FROM customer_purchases own
                           WHERE own.customer_id = $1 AND own.product_id = pair.bought_with_id)
        GROUP BY c.product_id, p.units_sold
        ORDER BY score DESC, COALESCE(p.units_sold, 0) DESC, c.name, c.product_id
        LIMIT $2`,
      [customerId, limit],
    );
    return rows.map(toRecommendedProduct);
  }

  /**
   * The best sellers overall (score: units sold) that the customer has not bought; products
   * nobody bought are not "popular" and are left out.
   */
  async findPopularNotBoughtBy(
    transaction: EntityManager,
    customerId: string,
    limit: number,
  ): Promise<RecommendedProduct[]> {
    const rows: CandidateRow[] = await transaction.query(
      `SELECT ${CANDIDATE_COLUMNS}, p.units_sold AS score
         FROM product_popularity p
         JOIN catalog_products c ON c.product_id = p.product_id
        WHERE NOT EXISTS (SELECT 1 FROM customer_purchases own
                           WHERE own.customer_id = $1 AND own.product_id = p.product_id)
        ORDER BY p.units_sold DESC, c.name, c.product_id
        LIMIT $2`,
      [customerId, limit],
    );
    return rows.map(toRecommendedProduct);
  }
}

function toRecommendedProduct(row: CandidateRow): RecommendedProduct {
  return {
    productId: row.product_id,
    name: row.name,
    categoryId: row.category_id,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    score: Number(row.score),
  };
}
