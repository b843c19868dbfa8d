/**
 * Every Kafka topic the system uses, created explicitly at start-up (broker auto-creation is off).
 * Each topic carries one aggregate's events, keyed by the aggregate id, so all events of one
 * product or order keep their order within a partition. See docs/messaging.md.
 */
export interface TopicContract {
  readonly name: string;
  readonly partitions: number;
  /** The aggregate whose id is the message key. */
  readonly key: string;
  readonly description: string;
}

export const TOPICS = {
  productEvents: {
    name: 'product.events',
    partitions: 3,
    key: 'productId',
    description: 'Catalog and inventory facts from the product service.',
  },
  inventoryEvents: {
    name: 'inventory.events',
    partitions: 3,
    key: 'orderId',
    description: 'Stock reservations for orders, from the product service.',
  },
  orderEvents: {
    name: 'order.events',
    partitions: 3,
    key: 'orderId',
    description: 'Order lifecycle facts from the order service.',
  },
  promotionEvents: {
    name: 'promotion.events',
    partitions: 3,
    key: 'couponCode (coupon facts) or promotionId (promotion facts)',
    description: 'Coupon and promotion facts from the promotion service.',
  },
  inventoryCommands: {
    name: 'inventory.commands',
    partitions: 3,
    key: 'orderId',
    description:
      "Saga commands to the product service: reserve, commit or release an order's stock.",
  },
  promotionCommands: {
    name: 'promotion.commands',
    partitions: 3,
    key: 'orderId',
    description: "Saga commands to the promotion service: redeem or release an order's coupon.",
  },
  deadLetters: {
    name: 'dead-letters',
    partitions: 1,
    key: 'original topic',
    description:
      'Messages a consumer could not handle, with the reason, for inspection and replay.',
  },
} as const satisfies Record<string, TopicContract>;

/** All topics, for the tools that create them. */
export const ALL_TOPICS: readonly TopicContract[] = Object.values(TOPICS);
