import { DomainError } from '#libs/domain-errors';

/**
 * The read model has no product with this id: it may not exist, or its ProductCreated event has
 * not reached this service yet (the read model is eventually consistent).
 */
export class UnknownProductError extends DomainError {
  constructor(productId: string) {
    super(
      'RECOMMENDATION.UNKNOWN_PRODUCT',
      'not-found',
      `Product ${productId} is not known to the recommendation service (yet).`,
    );
  }
}
