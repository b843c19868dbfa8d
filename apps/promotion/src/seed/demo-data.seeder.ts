import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PromotionChanged } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { CouponsRepository } from '../coupons/coupons.repository.js';
import { promotionChangedPayload } from '../promotions/promotion-changed.payload.js';
import { PromotionsRepository } from '../promotions/promotions.repository.js';
import { DEMO_COUPONS } from './demo-coupons.js';
import { DEMO_PROMOTIONS } from './demo-promotions.js';

/**
 * Loads the demo promotions and coupons at start-up, in one transaction, skipping every one that
 * exists: a restart (or a second replica starting at the same time) adds nothing and announces
 * nothing twice. New promotions are announced through the outbox like any other.
 */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly promotions: PromotionsRepository,
    private readonly coupons: CouponsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await this.dataSource.transaction(async (transaction) => {
      let count = 0;
      for (const promotion of DEMO_PROMOTIONS) {
        if (!(await this.promotions.insertIfAbsent(transaction, promotion))) continue;
        await this.outbox.append(
          transaction,
          PromotionChanged,
          promotion.id,
          promotionChangedPayload(promotion),
        );
        count++;
      }
      for (const coupon of DEMO_COUPONS) {
        if (await this.coupons.insertIfCodeFree(transaction, coupon)) count++;
      }
      return count;
    });
    if (added > 0) this.logger.log(`seeded ${added} demo promotions and coupons`);
  }
}
