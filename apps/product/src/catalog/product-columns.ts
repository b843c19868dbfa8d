import type { ProductDetail, ProductSummary } from '#libs/contracts';

/**
 * The SELECT lists for products, as `p` joined with its inventory `i` (and its category `c` for
 * the detail), and the mapping of their rows to the contract shapes.
 */
export const PRODUCT_SUMMARY_COLUMNS = `
  p.id, p.sku, p.name, p.category_id AS "categoryId",
  p.price_amount AS "priceAmount", p.price_currency AS "priceCurrency",
  i.on_hand - i.reserved AS "availableStock", p.image_url AS "imageUrl"`;

export const PRODUCT_DETAIL_COLUMNS = `${PRODUCT_SUMMARY_COLUMNS},
  p.description, c.name AS "categoryName", p.attributes,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

export interface ProductSummaryRow extends Omit<ProductSummary, 'price'> {
  priceAmount: number;
  priceCurrency: string;
}

export interface ProductDetailRow
  extends ProductSummaryRow, Pick<ProductDetail, 'description' | 'categoryName' | 'attributes'> {
  createdAt: Date;
  updatedAt: Date;
}

export function toProductSummary(row: ProductSummaryRow): ProductSummary {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    categoryId: row.categoryId,
    price: { amount: row.priceAmount, currency: row.priceCurrency },
    availableStock: row.availableStock,
    imageUrl: row.imageUrl,
  };
}

export function toProductDetail(row: ProductDetailRow): ProductDetail {
  return {
    ...toProductSummary(row),
    description: row.description,
    categoryName: row.categoryName,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
