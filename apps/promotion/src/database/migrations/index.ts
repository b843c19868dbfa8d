import type { MigrationInterface } from 'typeorm';
import { CreateCouponRedemptionRefusals1764100003000 } from './create-coupon-redemption-refusals.migration.js';
import { CreateCoupons1764100002000 } from './create-coupons.migration.js';
import { CreatePriceProjection1764100000000 } from './create-price-projection.migration.js';
import { CreatePromotions1764100001000 } from './create-promotions.migration.js';

/** The promotion schema's migrations, oldest first; applied at start-up. */
export const promotionMigrations: (new () => MigrationInterface)[] = [
  CreatePriceProjection1764100000000,
  CreatePromotions1764100001000,
  CreateCoupons1764100002000,
  CreateCouponRedemptionRefusals1764100003000,
];
