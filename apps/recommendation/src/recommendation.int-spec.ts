import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import {
  type CustomerRecommendations,
  type EventContract,
  type EventEnvelope,
  OrderConfirmed,
  type PayloadOf,
  ProductCreated,
  ProductPriceChanged,
  type ProductRecommendations,
  ProductUpdated,
  TOPICS,
} from '#libs/contracts';
import { createKafka, DEAD_LETTER_TOPIC } from '#libs/messaging';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { eventually } from '../../../test/support/poll.js';
import { testServiceIdentity } from '../../../test/support/test-service-identity.js';

// Jest's ES module loader refuses a CommonJS package (@willsoto/nestjs-prometheus) that require()s
// @nestjs/common while @nestjs/common is still loading in the same import graph (Node itself copes).
// Loading @nestjs/common on its own first, then the app, sidesteps that.
await import('@nestjs/common');
const { createService } = await import('#libs/service-defaults');
const { recommendationService } = await import('./recommendation.service.js');

type Catalogued = PayloadOf<typeof ProductCreated>;

/**
 * The whole app over HTTP, fed through the real topics. Other suites may publish to the same
 * topics, so every test works with fresh product ids, categories and customers of its own.
 */
describe('recommendation service on real PostgreSQL and Kafka', () => {
  const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: NestExpressApplication | undefined;
  let baseUrl: string;
  let kafka: Kafka;
  let producer: Producer;
  let deadLetterReader: Consumer;
  const deadLetters: KafkaMessage[] = [];
  const identity = testServiceIdentity('recommendation');

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'recommendation-test', brokers });
    const admin = kafka.admin();
    await admin.connect();
    // Resolves false, without creating or failing, for topics another suite created first.
    await admin.createTopics({
      topics: [TOPICS.productEvents, TOPICS.orderEvents, TOPICS.deadLetters].map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
      })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    deadLetterReader = kafka.consumer({ groupId: `recommendation-test-${randomUUID()}` });
    await deadLetterReader.connect();
    await deadLetterReader.subscribe({ topic: DEAD_LETTER_TOPIC, fromBeginning: true });
    await deadLetterReader.run({
      eachMessage: async ({ message }) => void deadLetters.push(message),
    });

    database = await isolatedDatabase([]);
    ({ app } = await createService(recommendationService, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: brokers.join(','),
      LOG_LEVEL: 'warn',
      ...identity.env,
    }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await deadLetterReader?.disconnect();
    await producer?.disconnect();
    await database?.close();
  }, 30_000);

  function envelope<Contract extends EventContract>(
    contract: Contract,
    key: string,
    payload: PayloadOf<Contract>,
    occurredAt = new Date(),
  ): EventEnvelope<PayloadOf<Contract>> {
    return {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: occurredAt.toISOString(),
      source: 'test',
      key,
      payload,
    };
  }

  /** Sends the envelopes in order; pinned to one partition when the test needs their order. */
  async function publish(
    topic: string,
    envelopes: EventEnvelope[],
    partition?: number,
  ): Promise<void> {
    await producer.send({
      topic,
      acks: -1,
      messages: envelopes.map((event) => ({
        key: event.key,
        value: JSON.stringify(event),
        partition,
      })),
    });
  }

  const newCategory = () => `test-category-${randomUUID()}`;

  function newProduct(categoryId: string, name: string, amount = 1_999): Catalogued {
    return {
      productId: randomUUID(),
      sku: `TEST-${randomUUID().slice(0, 8)}`,
      name,
      description: `${name}, for tests`,
      categoryId,
      price: { amount, currency: 'EUR' },
      imageUrl: null,
      attributes: {},
    };
  }

  /** Publishes ProductCreated for each product and waits until the read model knows them all. */
  async function catalogue(...products: Catalogued[]): Promise<void> {
    await publish(
      TOPICS.productEvents.name,
      products.map((product) => envelope(ProductCreated, product.productId, product)),
    );
    await eventually('the products are known', async () => {
      const statuses = await Promise.all(
        products.map(async (product) => (await recommendationsFor(product.productId)).status),
      );
      return statuses.every((status) => status === 200);
    });
  }

  function orderConfirmed(customerId: string, ...lines: [Catalogued, number][]) {
    const orderId = randomUUID();
    return envelope(OrderConfirmed, orderId, {
      orderId,
      customerId,
      lines: lines.map(([product, quantity]) => ({
        productId: product.productId,
        quantity,
        unitPrice: product.price,
      })),
      total: { amount: 0, currency: 'EUR' },
    });
  }

  async function get<Body>(path: string) {
    const response = await fetch(baseUrl + path, { headers: await identity.headers() });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as Body,
    };
  }

  const recommendationsFor = (productId: string, limit?: number) =>
    get<ProductRecommendations>(
      `/recommendations?productId=${productId}${limit ? `&limit=${limit}` : ''}`,
    );

  const recommendationsForCustomer = (customerId: string, limit: number) =>
    get<CustomerRecommendations>(
      `/recommendations/customers/${encodeURIComponent(customerId)}?limit=${limit}`,
    );

  /** Waits until the product's recommendations satisfy `condition`, and returns them. */
  async function recommendationsOnce(
    productId: string,
    condition: (answer: ProductRecommendations) => boolean,
  ): Promise<ProductRecommendations> {
    let last: ProductRecommendations | undefined;
    await eventually(`the recommendations for ${productId} change`, async () => {
      const { status, body } = await recommendationsFor(productId);
      last = body;
      return status === 200 && condition(body);
    });
    return last!;
  }

  const scores = (answer: { items: { productId: string; score: number }[] }) =>
    answer.items.map((item) => [item.productId, item.score]);

  it('answers 404 RECOMMENDATION.UNKNOWN_PRODUCT until the product’s creation arrives', async () => {
    const product = newProduct(newCategory(), 'Lonely lamp');

    const before = await recommendationsFor(product.productId);
    expect(before.status).toBe(404);
    expect(before.contentType).toMatch(/^application\/problem\+json/);
    expect(before.body).toMatchObject({ status: 404, code: 'RECOMMENDATION.UNKNOWN_PRODUCT' });

    await catalogue(product);
    const after = await recommendationsFor(product.productId);
    expect(after.status).toBe(200);
    // Alone in its category and never bought: nothing to recommend, under the fallback's name.
    expect(after.body).toEqual({
      productId: product.productId,
      strategy: 'popular-in-category',
      items: [],
    });
  }, 60_000);

  it('recommends what confirmed orders bought together, topped up from the category', async () => {
    const category = newCategory();
    const kettle = newProduct(category, 'Kettle');
    const apron = newProduct(category, 'Apron');
    const bowl = newProduct(category, 'Bowl');
    const cup = newProduct(category, 'Cup');
    await catalogue(kettle, apron, bowl, cup);

    const fresh = await recommendationsFor(kettle.productId);
    expect(fresh.body.strategy).toBe('popular-in-category');
    expect(scores(fresh.body)).toEqual([
      [apron.productId, 0],
      [bowl.productId, 0],
      [cup.productId, 0],
    ]);

    await publish(TOPICS.orderEvents.name, [
      orderConfirmed(`customer-${randomUUID()}`, [kettle, 1], [cup, 1]),
      orderConfirmed(`customer-${randomUUID()}`, [kettle, 1], [cup, 1], [bowl, 2]),
    ]);

    const after = await recommendationsOnce(
      kettle.productId,
      (answer) => answer.items[0]?.score === 2,
    );
    expect(after.strategy).toBe('bought-together');
    expect(after.items[0]).toEqual({
      productId: cup.productId,
      name: 'Cup',
      categoryId: category,
      price: { amount: 1_999, currency: 'EUR' },
      score: 2,
    });
    // Cup and Bowl by orders bought together with the kettle; Apron from the category (0 sold).
    expect(scores(after)).toEqual([
      [cup.productId, 2],
      [bowl.productId, 1],
      [apron.productId, 0],
    ]);
    const limited = await recommendationsFor(kettle.productId, 1);
    expect(scores(limited.body)).toEqual([[cup.productId, 2]]);
  }, 60_000);

  it('counts a redelivered OrderConfirmed (same event id) once', async () => {
    const category = newCategory();
    const pen = newProduct(category, 'Pen');
    const ink = newProduct(category, 'Ink');
    const paper = newProduct(category, 'Paper');
    await catalogue(pen, ink, paper);

    const order = orderConfirmed(`customer-${randomUUID()}`, [pen, 1], [ink, 1]);
    // The later order tells when the duplicate has been dealt with: same partition, so in order.
    const later = orderConfirmed(`customer-${randomUUID()}`, [pen, 1], [paper, 1]);
    await publish(TOPICS.orderEvents.name, [order, order, later], 0);

    const answer = await recommendationsOnce(pen.productId, (body) =>
      body.items.some((item) => item.productId === paper.productId && item.score === 1),
    );
    expect(answer.items.find((item) => item.productId === ink.productId)?.score).toBe(1);
  }, 60_000);

  it('dead-letters a malformed OrderConfirmed and still applies the next one', async () => {
    const category = newCategory();
    const tent = newProduct(category, 'Tent');
    const stove = newProduct(category, 'Stove');
    await catalogue(tent, stove);

    const malformed = orderConfirmed(`customer-${randomUUID()}`, [tent, 1]);
    malformed.payload.lines = []; // an order of nothing breaks the contract
    const good = orderConfirmed(`customer-${randomUUID()}`, [tent, 1], [stove, 1]);
    await publish(TOPICS.orderEvents.name, [malformed, good], 1);

    const answer = await recommendationsOnce(
      tent.productId,
      (body) => body.strategy === 'bought-together',
    );
    expect(scores(answer)).toEqual([[stove.productId, 1]]);
    const letter = await deadLetterOf(malformed.id);
    expect(letter.headers?.['dlq-consumer-group']?.toString()).toBe('recommendation.orders');
    expect(letter.headers?.['dlq-reason']?.toString()).toMatch(
      /^invalid OrderConfirmed payload: lines/,
    );
  }, 60_000);

  it('shows the latest name and price, and ignores a replayed older state', async () => {
    const category = newCategory();
    const racket = newProduct(category, 'Racket');
    const balls = newProduct(category, 'Balls', 500);
    await catalogue(racket, balls);

    const start = Date.now();
    const at = (offsetMs: number) => new Date(start + offsetMs);
    const { productId } = balls;
    await publish(TOPICS.productEvents.name, [
      envelope(ProductUpdated, productId, { ...balls, name: 'Tennis balls' }, at(1_000)),
      // A dead letter replayed late: older than what the read model has.
      envelope(ProductUpdated, productId, { ...balls, name: 'Old balls' }, at(-3_600_000)),
      envelope(
        ProductPriceChanged,
        productId,
        { productId, previousPrice: balls.price, price: { amount: 650, currency: 'EUR' } },
        at(2_000),
      ),
    ]);

    const answer = await recommendationsOnce(
      racket.productId,
      (body) => body.items[0]?.price.amount === 650,
    );
    expect(answer.items[0]).toMatchObject({ productId, name: 'Tennis balls' });
  }, 60_000);

  it('dead-letters a price change for a product it never saw', async () => {
    const productId = randomUUID();
    const price = { amount: 100, currency: 'EUR' };
    const orphan = envelope(ProductPriceChanged, productId, {
      productId,
      previousPrice: price,
      price,
    });
    await publish(TOPICS.productEvents.name, [orphan]);

    const letter = await deadLetterOf(orphan.id);
    expect(letter.headers?.['dlq-consumer-group']?.toString()).toBe('recommendation.catalog');
    expect(letter.headers?.['dlq-reason']?.toString()).toContain('unknown product');
    expect((await recommendationsFor(productId)).status).toBe(404);
  }, 60_000);

  it('recommends what goes with a customer’s purchases, never what they already bought', async () => {
    const category = newCategory();
    const camera = newProduct(category, 'Camera');
    const lens = newProduct(category, 'Lens');
    const tripod = newProduct(category, 'Tripod');
    const bag = newProduct(category, 'Bag');
    await catalogue(camera, lens, tripod, bag);
    const customer = `customer-${randomUUID()}`;

    await publish(TOPICS.orderEvents.name, [
      orderConfirmed(customer, [camera, 1], [bag, 1]),
      orderConfirmed(`customer-${randomUUID()}`, [camera, 1], [lens, 1]),
      orderConfirmed(`customer-${randomUUID()}`, [camera, 1], [lens, 1], [bag, 1]),
      orderConfirmed(`customer-${randomUUID()}`, [camera, 1], [tripod, 1]),
    ]);

    // The camera's own answer tells when all four orders are counted.
    await recommendationsOnce(
      camera.productId,
      (body) =>
        JSON.stringify(scores(body)) ===
        JSON.stringify([
          [bag.productId, 2],
          [lens.productId, 2],
          [tripod.productId, 1],
        ]),
    );
    const { status, body } = await recommendationsForCustomer(customer, 2);
    expect(status).toBe(200);
    // Lens: bought with the camera twice and with the bag once. Camera and bag: already theirs.
    expect(body).toEqual({
      customerId: customer,
      strategy: 'bought-together',
      items: [
        expect.objectContaining({ productId: lens.productId, score: 3 }),
        expect.objectContaining({ productId: tripod.productId, score: 1 }),
      ],
    });
  }, 60_000);

  it('answers a customer it has never heard of with the best sellers, not a 404', async () => {
    const hit = newProduct(newCategory(), 'Hit single');
    await catalogue(hit);
    await publish(TOPICS.orderEvents.name, [
      orderConfirmed(`customer-${randomUUID()}`, [hit, 1_000_000]),
    ]);

    await eventually('the best seller leads', async () => {
      const { status, body } = await recommendationsForCustomer(`stranger-${randomUUID()}`, 3);
      return (
        status === 200 &&
        body.strategy === 'popular-overall' &&
        body.items[0]?.productId === hit.productId &&
        body.items[0].score === 1_000_000
      );
    });
  }, 60_000);

  it.each([
    ['no productId', '/recommendations', 'query.productId'],
    ['a productId that is no uuid', '/recommendations?productId=42', 'query.productId'],
    ['a limit of 0', `/recommendations?productId=${randomUUID()}&limit=0`, 'query.limit'],
    ['a limit above 20', `/recommendations?productId=${randomUUID()}&limit=21`, 'query.limit'],
    [
      'a limit that is no number',
      `/recommendations?productId=${randomUUID()}&limit=x`,
      'query.limit',
    ],
    ['a customer limit above 20', '/recommendations/customers/alice?limit=21', 'query.limit'],
    [
      'a customer id of 201 characters',
      `/recommendations/customers/${'c'.repeat(201)}`,
      'param.customerId',
    ],
  ])('refuses %s with a 400 naming the field', async (_case, path, field) => {
    const { status, contentType, body } = await get<{ errors: { field: string }[] }>(path);
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(body.errors.map((error) => error.field)).toEqual([field]);
  });

  /** Waits for the dead letter of the event with this id and returns it. */
  async function deadLetterOf(eventId: string): Promise<KafkaMessage> {
    const find = () =>
      deadLetters.find((message) => {
        try {
          return (JSON.parse(message.value?.toString() ?? '') as { id?: string }).id === eventId;
        } catch {
          return false; // someone else's poison message
        }
      });
    await eventually(`event ${eventId} is a dead letter`, async () => find() !== undefined);
    return find()!;
  }
});
