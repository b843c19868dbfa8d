import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type CreatePromotionRequest, PromotionChanged } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { discountFromFields } from '../../pricing/discount-fields.js';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Promotion } from '../promotion.js';
import { promotionChangedPayload } from '../promotion-changed.payload.js';
import { PromotionsRepository } from '../promotions.repository.js';

/** Creates a promotion and announces it, in one transaction. */
@Injectable()
export class CreatePromotionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly promotions: PromotionsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(request: CreatePromotionRequest, now = new Date()): Promise<Promotion> {
    const promotion: Promotion = {
      id: randomUUID(),
      description: request.description,
      scope: request.scope,
      targetId: request.targetId ?? null,
      discount: discountFromFields({
        percentOff: request.percentOff ?? null,
        amountOff: request.amountOff ?? null,
      }),
      minimumSubtotal: request.minimumSubtotal ?? null,
      validFrom: request.validFrom ? new Date(request.validFrom) : now,
      validUntil: request.validUntil ? new Date(request.validUntil) : null,
      active: request.active,
    };
    if (promotion.validUntil && promotion.validUntil <= promotion.validFrom) {
      throw PromotionErrors.emptyValidityWindow();
    }
    await this.dataSource.transaction(async (transaction) => {
      await this.promotions.insertIfAbsent(transaction, promotion); // a fresh id: never present
      await this.outbox.append(
        transaction,
        PromotionChanged,
        promotion.id,
        promotionChangedPayload(promotion),
      );
    });
    return promotion;
  }
}
