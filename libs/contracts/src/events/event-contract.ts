import type { z } from 'zod';
import type { TopicContract } from '../topics.js';

/**
 * One versioned integration event: its name (past tense, for what happened), the topic it travels
 * on, and the runtime schema of its payload. Data only; no behaviour.
 */
export interface EventContract<Payload extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly topic: TopicContract;
  readonly payload: Payload;
}

/** Declares an event contract, keeping the payload schema's type for producers and consumers. */
export function defineEvent<Payload extends z.ZodType>(
  contract: EventContract<Payload>,
): EventContract<Payload> {
  return contract;
}

/** The payload type of an event contract. */
export type PayloadOf<Contract> =
  Contract extends EventContract<infer Payload> ? z.output<Payload> : never;
