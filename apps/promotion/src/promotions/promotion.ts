import type { PromotionOffer } from '../pricing/domain/promotion-offer.js';

/** A promotion as stored: what pricing needs, plus when and whether it is in effect. */
export interface Promotion extends PromotionOffer {
  readonly validFrom: Date;
  /** Exclusive; null when open-ended. */
  readonly validUntil: Date | null;
  /** Switched off by an admin regardless of its window. */
  readonly active: boolean;
}
