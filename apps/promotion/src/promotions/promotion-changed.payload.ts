import type { PayloadOf, PromotionChanged } from '#libs/contracts';
import type { Promotion } from './promotion.js';

/** What other services hear when a promotion is created or changes. */
export function promotionChangedPayload(promotion: Promotion): PayloadOf<typeof PromotionChanged> {
  return {
    promotionId: promotion.id,
    active: promotion.active,
    scope: promotion.scope,
    targetId: promotion.targetId,
  };
}
