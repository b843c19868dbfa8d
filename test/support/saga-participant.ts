import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AppEnv } from '#libs/config';
import {
  ALL_TOPICS,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
} from '#libs/contracts';
import { createService, type ServiceDefinition } from '#libs/service-defaults';
import { ensureTopics } from '../../tools/infra/kafka/ensure-topics.js';
import { isolatedDatabase } from './isolated-database.js';
import { eventually } from './poll.js';
import { testServiceIdentity } from './test-service-identity.js';

/** A saga command: any contract whose payload names the order it belongs to. */
type CommandPayload<Contract extends EventContract> = PayloadOf<Contract> & { orderId: string };

export interface ParticipantResponse {
  status: number;
  // Tests assert on shapes with `expect`: the body stays loosely typed, here only.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface SagaParticipantUnderTest {
  /** The participant's own database, where its outbox holds the answers it wrote. */
  readonly dataSource: DataSource;
  readonly baseUrl: string;
  /** A signed HTTP call from the gateway, with the JSON body parsed. */
  call(method: string, path: string, body?: unknown): Promise<ParticipantResponse>;
  /** Sends a command as the order service's outbox relay would; returns its event id. */
  send<Contract extends EventContract>(
    contract: Contract,
    payload: CommandPayload<Contract>,
    id?: string,
  ): Promise<string>;
  /** Sends a command and waits until it was handled (its inbox row committed with its effects). */
  sent<Contract extends EventContract>(
    contract: Contract,
    payload: CommandPayload<Contract>,
    id?: string,
  ): Promise<string>;
}

/**
 * Declares the `beforeAll`/`afterAll` that start `service` as an order saga participant: commands
 * go out on the real command topics, answers stay in the participant's outbox. Its relay is off,
 * so it never answers the orders of other suites, and its consumer group is its own, since it reads
 * every command on the shared topic. Fault injection is on; `env` adds what the service needs.
 */
export function sagaParticipantUnderTest<Config extends AppEnv>(
  service: ServiceDefinition<Config>,
  env: NodeJS.ProcessEnv = {},
): SagaParticipantUnderTest {
  const identity = testServiceIdentity(service.name);
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: INestApplication | undefined;
  let producer: Producer | undefined;
  let baseUrl = '';
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
    await ensureTopics(brokers.split(','), [...ALL_TOPICS]);
    producer = new Kafka({
      clientId: 'order',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    ({ app } = await createService(service, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: 'error',
      OUTBOX_RELAY: 'off',
      FAULT_INJECTION: 'on',
      SAGA_COMMANDS_CONSUMER_GROUP: `${service.name}.saga-commands.test-${randomUUID()}`,
      ...env,
      ...identity.env,
    }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    dataSource = app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    register.clear();
    await database?.close();
  }, 30_000);

  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ParticipantResponse> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(await identity.headers()),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };

  const send = async <Contract extends EventContract>(
    contract: Contract,
    payload: CommandPayload<Contract>,
    id: string = randomUUID(),
  ): Promise<string> => {
    const envelope: EventEnvelope<PayloadOf<Contract>> = {
      id,
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      source: 'order',
      key: payload.orderId,
      payload,
    };
    await producer!.send({
      topic: contract.topic.name,
      acks: -1,
      messages: [{ key: envelope.key, value: JSON.stringify(envelope) }],
    });
    return id;
  };

  const handled = async (eventId: string) =>
    (await dataSource.query('SELECT 1 FROM inbox_messages WHERE event_id = $1', [eventId]))
      .length === 1;

  const sent = async <Contract extends EventContract>(
    contract: Contract,
    payload: CommandPayload<Contract>,
    id?: string,
  ): Promise<string> => {
    const eventId = await send(contract, payload, id);
    await eventually(`${contract.type} ${eventId} was handled`, () => handled(eventId));
    return eventId;
  };

  return {
    get dataSource() {
      return dataSource;
    },
    get baseUrl() {
      return baseUrl;
    },
    call,
    send,
    sent,
  };
}
