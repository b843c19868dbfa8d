import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { discountFromFields } from '../pricing/discount-fields.js';
import type { Promotion } from './promotion.js';

interface PromotionRow {
  id: string;
  description: string;
  scope: Promotion['scope'];
  target_id: string | null;
  percent_off: number | null;
  amount_off: number | null;
  minimum_subtotal: number | null;
  currency: string | null;
  valid_from: Date;
  valid_until: Date | null;
  active: boolean;
}

const COLUMNS = `id, description, scope, target_id, percent_off, amount_off, minimum_subtotal,
                 currency, valid_from, valid_until, active`;

@Injectable()
export class PromotionsRepository {
  /** Stores the promotion unless one with its id exists; returns whether it was stored. */
  async insertIfAbsent(transaction: EntityManager, promotion: Promotion): Promise<boolean> {
    const { discount, minimumSubtotal } = promotion;
    const fixed = discount.kind === 'fixed' ? discount.amount : null;
    const inserted: unknown[] = await transaction.query(
      `INSERT INTO promotions (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        promotion.id,
        promotion.description,
        promotion.scope,
        promotion.targetId,
        discount.kind === 'percent' ? discount.percent : null,
        fixed?.amount ?? null,
        minimumSubtotal?.amount ?? null,
        fixed?.currency ?? minimumSubtotal?.currency ?? null,
        promotion.validFrom,
        promotion.validUntil,
        promotion.active,
      ],
    );
    return inserted.length > 0;
  }

  async findById(transaction: EntityManager, id: string): Promise<Promotion | undefined> {
    const [row]: PromotionRow[] = await transaction.query(
      `SELECT ${COLUMNS} FROM promotions WHERE id = $1`,
      [id],
    );
    return row && toPromotion(row);
  }

  /**
   * The promotions in effect at `now` that can touch a cart of these products: those targeting
   * one of the products or categories, and every CART promotion. Product ones first, then
   * category, then cart, each by id, so listings are stable.
   */
  async findInEffectFor(
    transaction: EntityManager,
    targets: { productIds: readonly string[]; categoryIds: readonly string[] },
    now: Date,
  ): Promise<Promotion[]> {
    const rows: PromotionRow[] = await transaction.query(
      `SELECT ${COLUMNS} FROM promotions
        WHERE active AND valid_from <= $1 AND (valid_until IS NULL OR valid_until > $1)
          AND (   (scope = 'PRODUCT'  AND target_id = ANY($2::text[]))
               OR (scope = 'CATEGORY' AND target_id = ANY($3::text[]))
               OR scope = 'CART')
        ORDER BY CASE scope WHEN 'PRODUCT' THEN 1 WHEN 'CATEGORY' THEN 2 ELSE 3 END, id`,
      [now, targets.productIds, targets.categoryIds],
    );
    return rows.map(toPromotion);
  }
}

function toPromotion(row: PromotionRow): Promotion {
  return {
    id: row.id,
    description: row.description,
    scope: row.scope,
    targetId: row.target_id,
    discount: discountFromFields({
      percentOff: row.percent_off,
      amountOff:
        row.amount_off === null ? null : { amount: row.amount_off, currency: row.currency! },
    }),
    minimumSubtotal:
      row.minimum_subtotal === null
        ? null
        : { amount: row.minimum_subtotal, currency: row.currency! },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    active: row.active,
  };
}
