import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module.js';
import { PromotionsModule } from '../promotions/promotions.module.js';
import { DemoDataSeeder } from './demo-data.seeder.js';

/** The demo promotions and coupons, loaded on first start. */
@Module({
  imports: [PromotionsModule, CouponsModule],
  providers: [DemoDataSeeder],
})
export class DemoSeedModule {}
