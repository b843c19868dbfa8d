import type { Money } from '#libs/contracts';

/** What pricing knows of a product: its category (for category promotions) and list price. */
export interface CatalogProduct {
  readonly productId: string;
  readonly categoryId: string;
  readonly listPrice: Money;
}
