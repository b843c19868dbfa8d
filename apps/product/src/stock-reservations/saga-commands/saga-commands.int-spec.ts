import { randomUUID } from 'node:crypto';
import { CommitStock, ReleaseStock, ReserveStock } from '#libs/contracts';
import { sagaParticipantUnderTest } from '../../../../../test/support/saga-participant.js';
import { outboxEvents } from '../../../test/outbox-events.js';
import { uniqueSku } from '../../../test/product-test-app.js';
import { productService } from '../../product.service.js';

/**
 * The product service as the order saga's participant: commands sent on the real
 * `inventory.commands` topic, answers read from the service's outbox, where they are written with
 * the change. The relay is off, so this suite never answers on `inventory.events` for the orders
 * of other suites (its consumer group, its own, reads every command on the topic).
 */
describe('stock reservations as saga commands', () => {
  const participant = sagaParticipantUnderTest(productService);
  const { call, send, sent } = participant;

  afterEach(async () => {
    expect(await call('DELETE', '/admin/faults')).toEqual({ status: 200, body: {} });
  });

  const replies = async (type: string, orderId: string) =>
    (await outboxEvents(participant.dataSource, type, orderId)).map((event) => event.payload);

  /** Every answer to the order, in the order written: `type` and payload. */
  const answers = async (orderId: string) => {
    const rows: { type: string; payload: Record<string, unknown> }[] =
      await participant.dataSource.query(
        `SELECT event_type AS type, envelope->'payload' AS payload FROM outbox_messages
        WHERE message_key = $1 ORDER BY id`,
        [orderId],
      );
    return rows;
  };

  async function productWithStock(stock: number): Promise<string> {
    const { status, body } = await call('POST', '/products', {
      sku: uniqueSku('SAGA'),
      name: 'Saga Test Kettle',
      description: 'Boils water for sagas.',
      categoryId: 'home-kitchen',
      price: { amount: 3999, currency: 'EUR' },
      initialStock: stock,
    });
    expect(status).toBe(201);
    return body.id;
  }

  const levels = async (productId: string) => (await call('GET', `/inventory/${productId}`)).body;

  it('answers ReserveStock with StockReserved and sets the units aside', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 2 }];

    await sent(ReserveStock, { orderId, lines });

    expect(await answers(orderId)).toEqual([
      { type: 'StockReserved', payload: { orderId, lines } },
    ]);
    expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
  });

  it('answers a resent ReserveStock with the same StockReserved, reserving once', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 2 }];

    await sent(ReserveStock, { orderId, lines });
    await sent(ReserveStock, { orderId, lines }); // the orchestrator's retry: a new event id

    expect(await replies('StockReserved', orderId)).toEqual([
      { orderId, lines },
      { orderId, lines },
    ]);
    expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
  });

  it('ignores a redelivery of the very same command: its answer is already written', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 1 }];
    const eventId = await sent(ReserveStock, { orderId, lines });

    await send(ReserveStock, { orderId, lines }, eventId);
    // A later command on the same order (same partition) is handled after the redelivery.
    await sent(CommitStock, { orderId });

    expect((await answers(orderId)).map((answer) => answer.type)).toEqual([
      'StockReserved',
      'StockCommitted',
    ]);
  });

  it('answers a refusal and repeats it for a resend, even once stock is back', async () => {
    const productId = await productWithStock(1);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 3 }];

    await sent(ReserveStock, { orderId, lines });
    expect((await call('POST', `/products/${productId}/restock`, { quantity: 10 })).status).toBe(
      200,
    );
    await sent(ReserveStock, { orderId, lines });

    const refusal = { orderId, reason: 'OUT_OF_STOCK', productIds: [productId] };
    expect(await answers(orderId)).toEqual([
      { type: 'StockReservationFailed', payload: refusal },
      { type: 'StockReservationFailed', payload: refusal },
    ]);
    expect(await levels(productId)).toMatchObject({ reserved: 0, available: 11 });
  });

  it('leaves a tombstone for a release before its reserve and refuses the late reserve', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();

    await sent(ReleaseStock, { orderId });
    await sent(ReserveStock, { orderId, lines: [{ productId, quantity: 2 }] });

    expect(await answers(orderId)).toEqual([
      { type: 'StockReleased', payload: { orderId, lines: [] } },
      {
        type: 'StockReservationFailed',
        payload: { orderId, reason: 'RELEASED', productIds: [] },
      },
    ]);
    expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
  });

  it('gives stock back once for a release sent twice, answering StockReleased both times', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 2 }];

    await sent(ReserveStock, { orderId, lines });
    await sent(ReleaseStock, { orderId });
    await sent(ReleaseStock, { orderId });

    expect(await replies('StockReleased', orderId)).toEqual([
      { orderId, lines },
      { orderId, lines },
    ]);
    expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
  });

  it('sells the reserved stock once for a commit sent twice, answering StockCommitted both times', async () => {
    const productId = await productWithStock(5);
    const orderId = randomUUID();
    const lines = [{ productId, quantity: 2 }];

    await sent(ReserveStock, { orderId, lines });
    await sent(CommitStock, { orderId });
    await sent(CommitStock, { orderId });

    expect(await replies('StockCommitted', orderId)).toEqual([
      { orderId, lines },
      { orderId, lines },
    ]);
    expect(await levels(productId)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
  });

  describe('with faults switched on', () => {
    it('refuses exactly the next N reservations, and a resend of one of them again', async () => {
      const productId = await productWithStock(10);
      const lines = [{ productId, quantity: 1 }];
      const put = await call('PUT', '/admin/faults', { reserveStock: { mode: 'fail', next: 2 } });
      expect(put).toEqual({ status: 200, body: { reserveStock: { mode: 'fail', next: 2 } } });

      const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
      for (const orderId of [first, second, third]) await sent(ReserveStock, { orderId, lines });
      await sent(ReserveStock, { orderId: first!, lines });

      const injected = (orderId: string) => ({
        type: 'StockReservationFailed',
        payload: { orderId, reason: 'INJECTED_FAULT', productIds: [] },
      });
      expect(await answers(first!)).toEqual([injected(first!), injected(first!)]);
      expect(await answers(second!)).toEqual([injected(second!)]);
      expect(await answers(third!)).toEqual([
        { type: 'StockReserved', payload: { orderId: third, lines } },
      ]);
      expect((await call('GET', '/admin/faults')).body).toEqual({});
      expect(await levels(productId)).toMatchObject({ reserved: 1 });
    });

    it('answers nothing when told not to reply, and serves the resend normally', async () => {
      const productId = await productWithStock(10);
      const lines = [{ productId, quantity: 1 }];
      await call('PUT', '/admin/faults', { reserveStock: { mode: 'no-reply', next: 1 } });
      const orderId = randomUUID();

      await sent(ReserveStock, { orderId, lines });
      expect(await answers(orderId)).toEqual([]);
      expect((await call('GET', `/stock-reservations/${orderId}`)).status).toBe(404);

      await sent(ReserveStock, { orderId, lines });
      expect(await answers(orderId)).toEqual([
        { type: 'StockReserved', payload: { orderId, lines } },
      ]);
    });

    it('hits every reservation at 100 percent and none at 0 percent', async () => {
      const productId = await productWithStock(10);
      const lines = [{ productId, quantity: 1 }];
      const [hit, spared] = [randomUUID(), randomUUID()];

      await call('PUT', '/admin/faults', { reserveStock: { mode: 'fail', percent: 100 } });
      await sent(ReserveStock, { orderId: hit, lines });
      await call('PUT', '/admin/faults', { reserveStock: { mode: 'fail', percent: 0 } });
      await sent(ReserveStock, { orderId: spared, lines });

      expect((await answers(hit)).map((answer) => answer.payload.reason)).toEqual([
        'INJECTED_FAULT',
      ]);
      expect((await answers(spared)).map((answer) => answer.type)).toEqual(['StockReserved']);
    });

    it('never faults a release or a commit', async () => {
      const productId = await productWithStock(10);
      const lines = [{ productId, quantity: 1 }];
      const [committed, released] = [randomUUID(), randomUUID()];
      await sent(ReserveStock, { orderId: committed, lines });
      await sent(ReserveStock, { orderId: released, lines });
      await call('PUT', '/admin/faults', { reserveStock: { mode: 'no-reply' } });

      await sent(CommitStock, { orderId: committed });
      await sent(ReleaseStock, { orderId: released });

      expect(await replies('StockCommitted', committed)).toEqual([{ orderId: committed, lines }]);
      expect(await replies('StockReleased', released)).toEqual([{ orderId: released, lines }]);
    });

    it('shows on /metrics which faults are active', async () => {
      const active = async () => {
        const metrics = await (await fetch(`${participant.baseUrl}/metrics`)).text();
        return /^fault_injection_active\{[^}]*fault="reserveStock"[^}]*\} (\d)/m.exec(metrics)?.[1];
      };
      expect(await active()).toBe('0');
      await call('PUT', '/admin/faults', { reserveStock: { mode: 'fail' } });
      expect(await active()).toBe('1');
    });

    it('refuses a fault body that names an unknown fault or mode, naming the field', async () => {
      const unknown = await call('PUT', '/admin/faults', { reserveStok: { mode: 'fail' } });
      const badMode = await call('PUT', '/admin/faults', { reserveStock: { mode: 'explode' } });

      expect(unknown.status).toBe(400);
      expect(badMode.status).toBe(400);
      expect(badMode.body.errors).toEqual([
        expect.objectContaining({ field: 'body.reserveStock.mode' }),
      ]);
    });
  });
});
