import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Promotion } from '../promotion.js';
import { PromotionsRepository } from '../promotions.repository.js';

@Injectable()
export class GetPromotionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly promotions: PromotionsRepository,
  ) {}

  async get(id: string): Promise<Promotion> {
    const promotion = await this.promotions.findById(this.dataSource.manager, id);
    if (!promotion) throw PromotionErrors.promotionNotFound(id);
    return promotion;
  }
}
