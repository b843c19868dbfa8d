import type { PayloadOf, ProductCreated, ProductDetail } from '#libs/contracts';

/** What `ProductCreated` and `ProductUpdated` tell other services about a product. */
export function catalogEntry(product: ProductDetail): PayloadOf<typeof ProductCreated> {
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    price: product.price,
    imageUrl: product.imageUrl,
    attributes: product.attributes,
  };
}
