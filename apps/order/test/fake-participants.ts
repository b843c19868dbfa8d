import { randomUUID } from 'node:crypto';
import { type Consumer, Kafka, logLevel, type Producer } from 'kafkajs';
import {
  CouponRedeemed,
  CouponRedemptionRefused,
  CouponReleased,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
  StockCommitted,
  StockReleased,
  StockReservationFailed,
  StockReserved,
  TOPICS,
} from '#libs/contracts';

/** How the fake product treats the orders of one product. `ignore`: never answers. */
export interface StockBehaviour {
  reserve?: 'reserve' | 'out-of-stock' | 'ignore';
  release?: 'release' | 'ignore';
  commit?: 'commit' | 'ignore';
}

/** How the fake promotion treats one coupon. */
export interface CouponBehaviour {
  redeem?: 'redeem' | 'exhausted' | 'ignore';
  release?: 'release' | 'ignore';
}

/** What the fake product holds for an order, as the real one would. */
export type StockHeld = 'reserved' | 'committed' | 'released' | 'refused';

interface Command {
  type: string;
  payload: {
    orderId: string;
    lines?: { productId: string; quantity: number }[];
    couponCode?: string;
  };
}

/**
 * Product and promotion as the saga sees them: real Kafka consumers of `inventory.commands` and
 * `promotion.commands` that answer on `inventory.events` and `promotion.events` as the test tells
 * them to, and keep what they would hold (reserved, committed, released) per order, with the
 * participants' promises: idempotent per order, a release before its reserve leaves a tombstone.
 * Only orders for products (and coupons) the test registered are answered: other suites share the
 * broker.
 */
export class FakeParticipants {
  readonly commands: { type: string; orderId: string }[] = [];
  readonly stock = new Map<string, StockHeld>();
  readonly coupons = new Map<string, 'redeemed' | 'released' | 'refused'>();
  private readonly products = new Map<string, StockBehaviour>();
  private readonly couponBehaviours = new Map<string, CouponBehaviour>();
  private readonly ordersOfProducts = new Map<string, StockBehaviour>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly producer: Producer,
  ) {}

  static async start(brokers: string): Promise<FakeParticipants> {
    const kafka = new Kafka({
      clientId: 'fake-participants',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `fake-participants-${randomUUID()}` });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const fake = new FakeParticipants(consumer, producer);
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({
      topics: [TOPICS.inventoryCommands.name, TOPICS.promotionCommands.name],
      fromBeginning: false,
    });
    let joined!: () => void;
    const hasJoined = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    await consumer.run({
      eachMessage: async ({ message }) => {
        const command = JSON.parse(message.value!.toString()) as Command;
        await fake.answer(command);
      },
    });
    await hasJoined;
    return fake;
  }

  /** A new product whose orders the fake product answers with `behaviour`. */
  product(behaviour: StockBehaviour = {}): string {
    const productId = randomUUID();
    this.products.set(productId, behaviour);
    return productId;
  }

  /** A new coupon code the fake promotion answers with `behaviour`. */
  coupon(behaviour: CouponBehaviour = {}): string {
    const code = `C${randomUUID().replaceAll('-', '').slice(0, 20).toUpperCase()}`;
    this.couponBehaviours.set(code, behaviour);
    return code;
  }

  /** The commands the fakes received for an order, oldest first: `ReserveStock`, ... */
  commandsFor(orderId: string): string[] {
    return this.commands.filter((c) => c.orderId === orderId).map((c) => c.type);
  }

  async stop(): Promise<void> {
    await Promise.all([this.consumer.disconnect(), this.producer.disconnect()]);
  }

  private async answer({ type, payload }: Command): Promise<void> {
    const { orderId } = payload;
    if (type === 'ReserveStock') {
      const behaviour = this.products.get(payload.lines?.[0]?.productId ?? '');
      if (!behaviour) return; // another suite's order
      this.ordersOfProducts.set(orderId, behaviour);
    }
    const stockBehaviour = this.ordersOfProducts.get(orderId);
    const couponBehaviour = this.couponBehaviours.get(payload.couponCode ?? '');
    const ours = type.endsWith('Coupon') ? couponBehaviour : stockBehaviour;
    if (!ours) return;
    this.commands.push({ type, orderId });

    switch (type) {
      case 'ReserveStock':
        return this.reserve(orderId, payload.lines!, stockBehaviour!);
      case 'ReleaseStock':
        if (stockBehaviour!.release === 'ignore') return;
        if (this.stock.get(orderId) === 'committed')
          throw new Error(`released committed ${orderId}`);
        this.stock.set(orderId, 'released');
        return this.reply(StockReleased, orderId, { orderId, lines: [] });
      case 'CommitStock':
        if (stockBehaviour!.commit === 'ignore') return;
        if (!['reserved', 'committed'].includes(this.stock.get(orderId) ?? '')) {
          throw new Error(`committed ${orderId} while ${this.stock.get(orderId)}`);
        }
        this.stock.set(orderId, 'committed');
        return this.reply(StockCommitted, orderId, { orderId, lines: [] });
      case 'RedeemCoupon':
        return this.redeem(orderId, payload.couponCode!, couponBehaviour!);
      case 'ReleaseCoupon':
        if (couponBehaviour!.release === 'ignore') return;
        this.coupons.set(orderId, 'released');
        return this.reply(CouponReleased, payload.couponCode!, {
          orderId,
          couponCode: payload.couponCode!,
        });
    }
  }

  private async reserve(
    orderId: string,
    lines: { productId: string; quantity: number }[],
    behaviour: StockBehaviour,
  ): Promise<void> {
    if (behaviour.reserve === 'ignore') return;
    const held = this.stock.get(orderId);
    const productIds = lines.map((line) => line.productId);
    if (held === 'released') {
      return this.reply(StockReservationFailed, orderId, {
        orderId,
        reason: 'RELEASED',
        productIds,
      });
    }
    if (behaviour.reserve === 'out-of-stock') {
      this.stock.set(orderId, 'refused');
      return this.reply(StockReservationFailed, orderId, {
        orderId,
        reason: 'OUT_OF_STOCK',
        productIds,
      });
    }
    if (!held) this.stock.set(orderId, 'reserved');
    return this.reply(StockReserved, orderId, { orderId, lines });
  }

  private async redeem(orderId: string, couponCode: string, behaviour: CouponBehaviour) {
    if (behaviour.redeem === 'ignore') return;
    const held = this.coupons.get(orderId);
    if (held === 'released' || behaviour.redeem === 'exhausted') {
      if (!held) this.coupons.set(orderId, 'refused');
      const reason =
        held === 'released' ? 'PROMOTION.COUPON_RELEASED' : 'PROMOTION.COUPON_EXHAUSTED';
      return this.reply(CouponRedemptionRefused, couponCode, { orderId, couponCode, reason });
    }
    this.coupons.set(orderId, 'redeemed');
    return this.reply(CouponRedeemed, couponCode, { orderId, couponCode, customerId: 'any' });
  }

  private async reply<Contract extends EventContract>(
    contract: Contract,
    key: string,
    payload: PayloadOf<Contract>,
  ): Promise<void> {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      source: contract.topic.name.startsWith('inventory') ? 'product' : 'promotion',
      key,
      payload: contract.payload.parse(payload),
    };
    await this.producer.send({
      topic: contract.topic.name,
      messages: [{ key, value: JSON.stringify(envelope) }],
    });
  }
}
