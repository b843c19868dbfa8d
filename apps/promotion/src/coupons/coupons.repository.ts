import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { discountFromFields } from '../pricing/discount-fields.js';
import type { Coupon } from './coupon.js';
import type { CouponRedemption } from './coupon-redemption.js';

interface CouponRow {
  code: string;
  percent_off: number | null;
  amount_off: number | null;
  currency: string | null;
  max_redemptions: number;
  per_customer_limit: number | null;
  valid_until: Date | null;
  active_redemptions: number;
}

interface RedemptionRow {
  coupon_code: string;
  order_id: string;
  customer_id: string | null;
  status: CouponRedemption['status'];
}

const COUPON_COLUMNS = `code, percent_off, amount_off, currency, max_redemptions,
                        per_customer_limit, valid_until, active_redemptions`;

/** Coupons and their redemptions. Codes are passed in upper-case, as the contracts normalise them. */
@Injectable()
export class CouponsRepository {
  /** Stores a new coupon unless its code is taken; returns whether it was stored. */
  async insertIfCodeFree(transaction: EntityManager, coupon: Coupon): Promise<boolean> {
    const { discount } = coupon;
    const fixed = discount.kind === 'fixed' ? discount.amount : null;
    const inserted: unknown[] = await transaction.query(
      `INSERT INTO coupons (code, percent_off, amount_off, currency, max_redemptions,
                            per_customer_limit, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        coupon.code,
        discount.kind === 'percent' ? discount.percent : null,
        fixed?.amount ?? null,
        fixed?.currency ?? null,
        coupon.maxRedemptions,
        coupon.perCustomerLimit,
        coupon.validUntil,
      ],
    );
    return inserted.length > 0;
  }

  async findByCode(transaction: EntityManager, code: string): Promise<Coupon | undefined> {
    const [row]: CouponRow[] = await transaction.query(
      `SELECT ${COUPON_COLUMNS} FROM coupons WHERE code = $1`,
      [code],
    );
    return row && toCoupon(row);
  }

  /**
   * Reads the coupon and locks it until the transaction ends. Every redemption and release of a
   * coupon takes this lock first, so they run one after another: the checks that follow (limits,
   * an earlier redemption for the order) cannot be invalidated by a concurrent one.
   */
  async findByCodeForUpdate(transaction: EntityManager, code: string): Promise<Coupon | undefined> {
    const [row]: CouponRow[] = await transaction.query(
      `SELECT ${COUPON_COLUMNS} FROM coupons WHERE code = $1 FOR UPDATE`,
      [code],
    );
    return row && toCoupon(row);
  }

  /** How many redemptions of the coupon the customer holds now. */
  async countHeldBy(transaction: EntityManager, code: string, customerId: string): Promise<number> {
    const [{ held }]: { held: number }[] = await transaction.query(
      `SELECT count(*)::int AS held FROM coupon_redemptions
        WHERE coupon_code = $1 AND customer_id = $2 AND status = 'REDEEMED'`,
      [code, customerId],
    );
    return held;
  }

  async findRedemption(
    transaction: EntityManager,
    code: string,
    orderId: string,
  ): Promise<CouponRedemption | undefined> {
    const [row]: RedemptionRow[] = await transaction.query(
      `SELECT coupon_code, order_id, customer_id, status FROM coupon_redemptions
        WHERE coupon_code = $1 AND order_id = $2`,
      [code, orderId],
    );
    return row && toRedemption(row);
  }

  /** Records the redemption and counts it against the coupon's limit (the CHECK enforces it). */
  async recordRedemption(
    transaction: EntityManager,
    redemption: { code: string; orderId: string; customerId: string },
    now: Date,
  ): Promise<CouponRedemption> {
    const { code, orderId, customerId } = redemption;
    await transaction.query(
      `INSERT INTO coupon_redemptions (coupon_code, order_id, customer_id, status, redeemed_at)
       VALUES ($1, $2, $3, 'REDEEMED', $4)`,
      [code, orderId, customerId, now],
    );
    await transaction.query(
      'UPDATE coupons SET active_redemptions = active_redemptions + 1 WHERE code = $1',
      [code],
    );
    return { code, orderId, customerId, status: 'REDEEMED' };
  }

  /** Gives a held redemption back, freeing its slot. */
  async releaseRedemption(
    transaction: EntityManager,
    code: string,
    orderId: string,
    now: Date,
  ): Promise<void> {
    await transaction.query(
      `UPDATE coupon_redemptions SET status = 'RELEASED', released_at = $3
        WHERE coupon_code = $1 AND order_id = $2 AND status = 'REDEEMED'`,
      [code, orderId, now],
    );
    await transaction.query(
      'UPDATE coupons SET active_redemptions = active_redemptions - 1 WHERE code = $1',
      [code],
    );
  }

  /**
   * Remembers why the saga's redemption for an order was refused; the first reason stays (a
   * concurrent duplicate changes nothing). Returns the reason on record.
   */
  async recordRefusal(
    transaction: EntityManager,
    code: string,
    orderId: string,
    reason: string,
  ): Promise<string> {
    await transaction.query(
      `INSERT INTO coupon_redemption_refusals (coupon_code, order_id, reason)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [code, orderId, reason],
    );
    return (await this.findRefusal(transaction, code, orderId))!;
  }

  /** The reason the saga's redemption for the order was refused, if it was. */
  async findRefusal(
    transaction: EntityManager,
    code: string,
    orderId: string,
  ): Promise<string | undefined> {
    const [row]: { reason: string }[] = await transaction.query(
      'SELECT reason FROM coupon_redemption_refusals WHERE coupon_code = $1 AND order_id = $2',
      [code, orderId],
    );
    return row?.reason;
  }

  /** Records that the order gave the coupon up before any redemption for it arrived. */
  async recordTombstone(
    transaction: EntityManager,
    code: string,
    orderId: string,
    now: Date,
  ): Promise<CouponRedemption> {
    await transaction.query(
      `INSERT INTO coupon_redemptions (coupon_code, order_id, status, released_at)
       VALUES ($1, $2, 'RELEASED', $3)`,
      [code, orderId, now],
    );
    return { code, orderId, customerId: null, status: 'RELEASED' };
  }
}

function toCoupon(row: CouponRow): Coupon {
  return {
    code: row.code,
    discount: discountFromFields({
      percentOff: row.percent_off,
      amountOff:
        row.amount_off === null ? null : { amount: row.amount_off, currency: row.currency! },
    }),
    maxRedemptions: row.max_redemptions,
    perCustomerLimit: row.per_customer_limit,
    validUntil: row.valid_until,
    activeRedemptions: row.active_redemptions,
  };
}

function toRedemption(row: RedemptionRow): CouponRedemption {
  return {
    code: row.coupon_code,
    orderId: row.order_id,
    customerId: row.customer_id,
    status: row.status,
  };
}
