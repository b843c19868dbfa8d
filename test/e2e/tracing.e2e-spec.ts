import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceName } from '#libs/contracts';
import { eventually } from '../support/poll.js';
import { signIn } from '../support/sign-in.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { ancestry, TracedApps } from '../support/traced-apps.js';

const APPS = ['gateway', 'product', 'recommendation'] as const satisfies ServiceName[];
type App = (typeof APPS)[number];

/**
 * One request, followed across processes: a product created through the gateway's admin API is one
 * trace from the gateway's incoming request (continuing the caller's `traceparent`) and its call
 * to product, through product's queries and the outbox relay's send to Kafka, to recommendation's
 * consumer span and its queries; and the log lines every process writes meanwhile carry that
 * trace id.
 *
 * The apps run as {@link TracedApps}: flags and environment of `npm start`, spans to a file each,
 * output kept for the test to read rather than printed (at `debug`, a line per seeded product).
 */
describe('one trace across HTTP and Kafka', () => {
  let system: SystemUnderTest;
  let apps: TracedApps<App>;

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'tracing',
      portBase: 14500,
      postgresPort: 55439,
      kafkaPort: 19512,
    });
    apps = await TracedApps.start(system, APPS);
  }, 240_000);

  afterAll(async () => {
    await apps?.stop();
    await system?.stop();
  }, 60_000);

  it('follows a request across services, through the outbox and Kafka into a consumer', async () => {
    // The caller's trace: the request continues it, so it is easy to find afterwards.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const sku = `TRACE-${randomUUID().slice(0, 8).toUpperCase()}`;

    const response = await fetch(system.url('gateway', '/api/admin/products'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signIn(system, 'admin@example.com')}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({
        sku,
        name: `Traced product ${sku}`,
        description: 'Created by the tracing test.',
        categoryId: 'books',
        price: { amount: 1_250, currency: 'EUR' },
        initialStock: 5,
      }),
    });
    expect(response.status).toBe(201);
    const { id: productId } = (await response.json()) as { id: string };

    await eventually('the consumer span is recorded', async () =>
      apps.spansOf('recommendation', traceId).some((span) => span.kind === 'CONSUMER'),
    );
    const trace = apps.traceOf(traceId);

    // The gateway's request, a child of the caller's span, named after its route.
    const edge = trace.find((span) => span.kind === 'SERVER' && span.service === 'gateway')!;
    expect(edge).toMatchObject({
      name: 'POST /api/admin/products',
      parentSpanId: callerSpanId,
      attributes: expect.objectContaining({ 'http.route': '/api/admin/products' }),
    });

    // Its call to product, and product's side of that call.
    const call = trace.find((span) => span.kind === 'CLIENT' && span.service === 'gateway')!;
    expect(ancestry(call, trace)).toContainEqual(edge);
    const request = trace.find((span) => span.kind === 'SERVER' && span.service === 'product')!;
    expect(request).toMatchObject({
      name: 'POST /products',
      parentSpanId: call.spanId,
      attributes: expect.objectContaining({ 'http.route': '/products' }),
    });

    // Its queries, the outbox insert among them.
    const outboxInsert = trace.find(
      (span) =>
        span.scope.endsWith('instrumentation-pg') &&
        String(span.attributes['db.query.text']).includes('INSERT INTO outbox_messages'),
    );
    expect(outboxInsert?.service).toBe('product');
    expect(ancestry(outboxInsert!, trace)).toContainEqual(request);

    // The relay's send of that event, under the request although it happened after it.
    const send = trace.find((span) => span.kind === 'PRODUCER' && span.service === 'product')!;
    expect(send).toMatchObject({
      name: 'send product.events',
      attributes: expect.objectContaining({
        'messaging.kafka.message.key': productId,
        'microshop.event.type': 'ProductCreated',
      }),
    });
    expect(ancestry(send, trace)).toContainEqual(request);

    // The consumer in the other process, a child of the send, with its own queries under it.
    const consume = trace.find((span) => span.kind === 'CONSUMER')!;
    expect(consume).toMatchObject({
      service: 'recommendation',
      name: 'process product.events',
      parentSpanId: send.spanId,
      attributes: expect.objectContaining({
        'messaging.consumer.group.name': expect.stringMatching(/^recommendation\./),
        'microshop.event.type': 'ProductCreated',
      }),
    });
    const consumerQueries = trace.filter(
      (span) => span.service === 'recommendation' && span.scope.endsWith('instrumentation-pg'),
    );
    expect(consumerQueries.length).toBeGreaterThan(0);
    for (const query of consumerQueries) expect(ancestry(query, trace)).toContainEqual(consume);

    // Every span hangs from another span of the trace, or from the caller's.
    const known = new Set([callerSpanId, ...trace.map((span) => span.spanId)]);
    expect(trace.filter((span) => !known.has(span.parentSpanId!))).toEqual([]);

    // And the log lines of every process can be found by the trace id.
    expect(apps.logLinesOf('gateway', traceId)).toContainEqual(
      expect.objectContaining({ message: 'POST /api/admin/products 201', span_id: edge.spanId }),
    );
    expect(apps.logLinesOf('product', traceId)).toContainEqual(
      expect.objectContaining({ message: 'POST /products 201', span_id: expect.any(String) }),
    );
    await eventually('the consumer has logged the event', async () =>
      apps
        .logLinesOf('recommendation', traceId)
        .some((line) => String(line.message).startsWith('ProductCreated')),
    );
  }, 120_000);

  it('serves the metrics of that flow: events published, handled and waiting', async () => {
    const metrics = async (app: App) => (await fetch(system.url(app, '/metrics'))).text();
    expect(await metrics('product')).toMatch(
      /^messaging_events_published_total\{topic="product\.events",service="product"\} [1-9]/m,
    );
    expect(await metrics('product')).toMatch(/^messaging_outbox_unpublished_events\{.*\} 0$/m);
    expect(await metrics('recommendation')).toMatch(
      /^messaging_events_handled_total\{consumer_group="recommendation\.catalog",event_type="ProductCreated",outcome="handled",service="recommendation"\} [1-9]/m,
    );
  });
});
