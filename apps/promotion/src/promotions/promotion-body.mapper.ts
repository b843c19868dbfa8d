import type { Promotion as PromotionBody } from '#libs/contracts';
import { fieldsFromDiscount } from '../pricing/discount-fields.js';
import type { Promotion } from './promotion.js';

/** A stored promotion as the API shows it. */
export function toPromotionBody(promotion: Promotion): PromotionBody {
  return {
    id: promotion.id,
    description: promotion.description,
    scope: promotion.scope,
    targetId: promotion.targetId,
    ...fieldsFromDiscount(promotion.discount),
    minimumSubtotal: promotion.minimumSubtotal,
    validFrom: promotion.validFrom.toISOString(),
    validUntil: promotion.validUntil?.toISOString() ?? null,
    active: promotion.active,
  };
}
