import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { CouponRedeemed, CouponRedemptionRefused, CouponReleased } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';

/**
 * Writes the saga's answers on `promotion.events` (keyed by coupon code, like every coupon fact),
 * in the command's inbox transaction. Used for the answers the coupon use cases do not write
 * themselves: refusals, and the same answer again for a resent command.
 */
@Injectable()
export class CouponReplyWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async redeemed(
    transaction: EntityManager,
    couponCode: string,
    orderId: string,
    customerId: string,
  ): Promise<void> {
    reply(CouponRedeemed.type);
    await this.outbox.append(transaction, CouponRedeemed, couponCode, {
      couponCode,
      orderId,
      customerId,
    });
  }

  async refused(
    transaction: EntityManager,
    couponCode: string,
    orderId: string,
    reason: string,
  ): Promise<void> {
    reply(CouponRedemptionRefused.type, reason);
    await this.outbox.append(transaction, CouponRedemptionRefused, couponCode, {
      couponCode,
      orderId,
      reason,
    });
  }

  async released(transaction: EntityManager, couponCode: string, orderId: string): Promise<void> {
    reply(CouponReleased.type);
    await this.outbox.append(transaction, CouponReleased, couponCode, { couponCode, orderId });
  }
}

function reply(type: string, reason?: string): void {
  trace
    .getActiveSpan()
    ?.addEvent('saga_reply', { 'saga.reply': type, ...(reason ? { 'saga.reason': reason } : {}) });
}
