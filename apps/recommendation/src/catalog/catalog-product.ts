import type { Money } from '#libs/contracts';

/** A product as this read model keeps it: only what a recommendation shows. */
export interface CatalogProduct {
  productId: string;
  name: string;
  categoryId: string;
  price: Money;
}
