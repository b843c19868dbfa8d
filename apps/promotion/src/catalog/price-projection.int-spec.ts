import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import {
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
  ProductCreated,
  ProductPriceChanged,
  ProductUpdated,
  TOPICS,
} from '#libs/contracts';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { eventually } from '../../../../test/support/poll.js';
import { euros, type PromotionTestApp, startPromotionApp } from '../../test/promotion-test-app.js';

/**
 * The price projection fed through the real product topic, as the product service's outbox relay
 * feeds it. Other suites publish there too, so every test uses products and categories of its own.
 */
describe('the price projection on real Kafka', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: PromotionTestApp;
  let producer: Producer;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    app = await startPromotionApp(database.url); // creates the topics
    const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');
    producer = new Kafka({ clientId: 'product', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await database?.close();
  }, 30_000);

  /** Publishes an event in the envelope the outbox writes, keyed by the product id. */
  async function publish<Contract extends EventContract>(
    contract: Contract,
    payload: PayloadOf<Contract> & { productId: string },
  ): Promise<void> {
    const envelope: EventEnvelope<PayloadOf<Contract>> = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      source: 'product',
      key: payload.productId,
      payload,
    };
    await producer.send({
      topic: TOPICS.productEvents.name,
      acks: -1,
      messages: [{ key: envelope.key, value: JSON.stringify(envelope) }],
    });
  }

  function newProduct(price = euros(2_000)): PayloadOf<typeof ProductCreated> {
    return {
      productId: randomUUID(),
      sku: `TEST-${randomUUID().slice(0, 8)}`,
      name: 'Test kettle',
      description: 'Boils water.',
      categoryId: `test-${randomUUID()}`,
      price,
      imageUrl: null,
      attributes: {},
    };
  }

  const quotedTotal = async (productId: string) => {
    const response = await app.post('/quotes', { lines: [{ productId, quantity: 1 }] });
    return response.status === 200 ? response.body.total : response.body.code;
  };

  it('makes a product quotable at its list price once its ProductCreated arrives', async () => {
    const product = newProduct(euros(2_000));
    expect(await quotedTotal(product.productId)).toBe('PROMOTION.UNKNOWN_PRODUCT');

    await publish(ProductCreated, product);

    await eventually('the product is quoted at its list price', async () => {
      const total = await quotedTotal(product.productId);
      return total?.amount === 2_000;
    });
  }, 60_000);

  it('quotes the new list price after ProductPriceChanged', async () => {
    const product = newProduct(euros(2_000));
    await publish(ProductCreated, product);

    await publish(ProductPriceChanged, {
      productId: product.productId,
      previousPrice: euros(2_000),
      price: euros(1_500),
    });

    await eventually('the product is quoted at its new price', async () => {
      const total = await quotedTotal(product.productId);
      return total?.amount === 1_500;
    });
  }, 60_000);

  it('applies the promotions of the category ProductUpdated moves a product to', async () => {
    const product = newProduct(euros(2_000));
    const newCategory = `test-${randomUUID()}`;
    await app.post('/promotions', {
      description: 'half off the new category',
      scope: 'CATEGORY',
      targetId: newCategory,
      percentOff: 50,
    });
    await publish(ProductCreated, product);

    await publish(ProductUpdated, { ...product, categoryId: newCategory });

    await eventually('the product is quoted with its new category’s promotion', async () => {
      const total = await quotedTotal(product.productId);
      return total?.amount === 1_000;
    });
  }, 60_000);
});
