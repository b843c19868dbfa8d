import { DomainError } from '#libs/domain-errors';

/** The expected ways a catalog command or query fails, with their stable codes. */
export const ProductErrors = {
  notFound: (productId: string) =>
    new DomainError('PRODUCT.NOT_FOUND', 'not-found', `No product ${productId}.`),
  skuTaken: (sku: string) =>
    new DomainError('PRODUCT.SKU_TAKEN', 'conflict', `Another product already has SKU ${sku}.`),
  unknownCategory: (categoryId: string) =>
    new DomainError('PRODUCT.UNKNOWN_CATEGORY', 'rule-violated', `No category ${categoryId}.`),
};
