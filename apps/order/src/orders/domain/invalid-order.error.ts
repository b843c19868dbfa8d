/**
 * The figures of an order do not add up (mixed currencies, discounts above the subtotal, a product
 * on two lines). Customers cannot cause this: request validation stops them first. It means the
 * quote the order was priced from is wrong, or a bug.
 */
export class InvalidOrder extends Error {
  override name = 'InvalidOrder';
}
