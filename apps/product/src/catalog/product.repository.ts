import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Money, ProductDetail, ProductSummary } from '#libs/contracts';
import { orderBy, type ProductSearch, searchFilter } from './list-products/product-search.sql.js';
import {
  PRODUCT_DETAIL_COLUMNS,
  PRODUCT_SUMMARY_COLUMNS,
  type ProductDetailRow,
  type ProductSummaryRow,
  toProductDetail,
  toProductSummary,
} from './product-columns.js';

/** A product as it is first written; its stock is the inventory's business. */
export interface NewProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  price: Money;
  attributes: Record<string, string>;
  imageUrl: string | null;
}

/** The descriptive fields `PATCH /products/:id` may change. */
export type DescriptiveFields = Pick<
  NewProduct,
  'name' | 'description' | 'categoryId' | 'attributes' | 'imageUrl'
>;

const DETAIL_FROM = `products p
  JOIN categories c ON c.id = p.category_id
  JOIN inventory i ON i.product_id = p.id`;

/** Products: the catalog's reads and writes, each named for what it is for. */
@Injectable()
export class ProductRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a product unless its id or SKU exists already; tells whether it did. */
  async insertUnlessTaken(transaction: EntityManager, product: NewProduct): Promise<boolean> {
    const inserted: unknown[] = await transaction.query(
      `INSERT INTO products
         (id, sku, name, description, category_id, price_amount, price_currency, attributes, image_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        product.id,
        product.sku,
        product.name,
        product.description,
        product.categoryId,
        product.price.amount,
        product.price.currency,
        product.attributes,
        product.imageUrl,
      ],
    );
    return inserted.length === 1;
  }

  /** Which of these ids no product has. */
  async missingIds(
    transaction: EntityManager,
    productIds: readonly string[],
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await transaction.query(
      `SELECT wanted.id FROM unnest($1::uuid[]) AS wanted (id)
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = wanted.id)`,
      [productIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async findDetail(
    productId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProductDetail | undefined> {
    const rows: ProductDetailRow[] = await manager.query(
      `SELECT ${PRODUCT_DETAIL_COLUMNS} FROM ${DETAIL_FROM} WHERE p.id = $1`,
      [productId],
    );
    return rows[0] && toProductDetail(rows[0]);
  }

  /** Reads a product and locks it against other changes until the transaction ends. */
  async lockForChange(
    transaction: EntityManager,
    productId: string,
  ): Promise<ProductDetail | undefined> {
    const rows: ProductDetailRow[] = await transaction.query(
      `SELECT ${PRODUCT_DETAIL_COLUMNS} FROM ${DETAIL_FROM} WHERE p.id = $1 FOR UPDATE OF p`,
      [productId],
    );
    return rows[0] && toProductDetail(rows[0]);
  }

  async updateDescriptiveFields(
    transaction: EntityManager,
    productId: string,
    fields: DescriptiveFields,
  ): Promise<void> {
    await transaction.query(
      `UPDATE products
          SET name = $2, description = $3, category_id = $4, attributes = $5, image_url = $6,
              updated_at = now()
        WHERE id = $1`,
      [
        productId,
        fields.name,
        fields.description,
        fields.categoryId,
        fields.attributes,
        fields.imageUrl,
      ],
    );
  }

  async changePrice(transaction: EntityManager, productId: string, price: Money): Promise<void> {
    await transaction.query(
      `UPDATE products SET price_amount = $2, price_currency = $3, updated_at = now()
        WHERE id = $1`,
      [productId, price.amount, price.currency],
    );
  }

  /**
   * One page of products matching the search, and how many match in all. Both queries read one
   * snapshot, so the total always agrees with the page.
   */
  search(criteria: ProductSearch): Promise<{ items: ProductSummary[]; total: number }> {
    const { where, params, rank } = searchFilter(criteria);
    const offset = (criteria.page - 1) * criteria.pageSize;
    const next = params.length + 1;
    return this.dataSource.transaction('REPEATABLE READ', async (snapshot) => {
      const [{ total }]: { total: number }[] = await snapshot.query(
        `SELECT count(*)::int AS total FROM products p ${where}`,
        params,
      );
      const rows: ProductSummaryRow[] = await snapshot.query(
        `SELECT ${PRODUCT_SUMMARY_COLUMNS}
           FROM products p JOIN inventory i ON i.product_id = p.id
           ${where}
          ORDER BY ${orderBy(criteria.sort, rank)}
          LIMIT $${next} OFFSET $${next + 1}`,
        [...params, criteria.pageSize, offset],
      );
      return { items: rows.map(toProductSummary), total };
    });
  }
}
