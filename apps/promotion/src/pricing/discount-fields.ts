import type { Money } from '#libs/contracts';
import type { Discount } from './domain/discount.js';

/** How the API and the database spell a discount: two nullable fields, exactly one of them set. */
export interface DiscountFields {
  readonly percentOff: number | null;
  readonly amountOff: Money | null;
}

export function discountFromFields({ percentOff, amountOff }: DiscountFields): Discount {
  if (percentOff !== null) return { kind: 'percent', percent: percentOff };
  if (amountOff !== null) return { kind: 'fixed', amount: amountOff };
  throw new TypeError('a discount needs percentOff or amountOff');
}

export function fieldsFromDiscount(discount: Discount): DiscountFields {
  return discount.kind === 'percent'
    ? { percentOff: discount.percent, amountOff: null }
    : { percentOff: null, amountOff: discount.amount };
}
