import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import { defineEvent, TOPICS } from '#libs/contracts';
import { decodeEvent } from './decode-event.js';
import type { EventHandler } from './event-handler.js';

const productCreated = defineEvent({
  type: 'ProductCreated',
  version: 1,
  topic: TOPICS.productEvents,
  payload: z.object({ productId: z.string(), name: z.string() }),
});
const handler: EventHandler = { contract: productCreated, handle: async () => undefined };
const handlers = new Map([[productCreated.type, handler]]);

const envelope = (overrides: Record<string, unknown> = {}) => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  type: 'ProductCreated',
  version: 1,
  occurredAt: '2026-11-24T06:00:00.000Z',
  source: 'product',
  key: 'p-1',
  payload: { productId: 'p-1', name: 'Kettle' },
  ...overrides,
});
const messageOf = (value: unknown) =>
  ({
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  }) as KafkaMessage;

describe('decodeEvent', () => {
  it('hands a valid event to the handler registered for its type', () => {
    const decoded = decodeEvent(messageOf(envelope()), handlers);
    expect(decoded).toEqual({ kind: 'handle', handler, event: envelope() });
  });

  it('ignores event types this consumer does not handle', () => {
    expect(decodeEvent(messageOf(envelope({ type: 'PriceChanged' })), handlers)).toEqual({
      kind: 'ignore',
    });
  });

  it('rejects a value that is not JSON', () => {
    expect(decodeEvent(messageOf('{oops'), handlers)).toEqual({
      kind: 'reject',
      reason: 'value is not JSON',
    });
  });

  it('rejects a message without a valid envelope, naming the field', () => {
    const decoded = decodeEvent(messageOf(envelope({ id: 'not-a-uuid' })), handlers);
    expect(decoded).toMatchObject({ kind: 'reject', reason: expect.stringContaining('id:') });
  });

  it('rejects a version the handler does not know', () => {
    const decoded = decodeEvent(messageOf(envelope({ version: 2 })), handlers);
    expect(decoded).toMatchObject({
      kind: 'reject',
      reason: expect.stringContaining('version 2'),
      type: 'ProductCreated',
    });
  });

  it('rejects a payload that breaks the contract, naming the field', () => {
    const decoded = decodeEvent(messageOf(envelope({ payload: { productId: 'p-1' } })), handlers);
    expect(decoded).toMatchObject({
      kind: 'reject',
      reason: expect.stringContaining('invalid ProductCreated payload: name:'),
      type: 'ProductCreated',
    });
  });
});
