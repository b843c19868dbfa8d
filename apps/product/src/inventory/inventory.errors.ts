import { DomainError } from '#libs/domain-errors';

/** Expected failures of stock commands. */
export const InventoryErrors = {
  /** The catalog's code on purpose: to a caller, a product without stock does not exist. */
  productNotFound: (productId: string) =>
    new DomainError('PRODUCT.NOT_FOUND', 'not-found', `No product ${productId}.`),
};
