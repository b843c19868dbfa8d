import type { KafkaMessage } from 'kafkajs';
import { type EventEnvelope, eventEnvelopeSchema } from '#libs/contracts';
import type { EventHandler } from './event-handler.js';

export type DecodedEvent =
  | { kind: 'handle'; handler: EventHandler; event: EventEnvelope }
  /** A type this consumer does not react to: other consumers of the topic may. */
  | { kind: 'ignore' }
  /**
   * Will never be handled as it is: a dead letter. `type` is set when this consumer handles the
   * type but not this version or payload of it.
   */
  | { kind: 'reject'; reason: string; type?: string };

/**
 * Parses and validates a Kafka message against the envelope schema and the contract of the handler
 * registered for its type. Nothing that fails validation reaches a handler.
 */
export function decodeEvent(
  message: KafkaMessage,
  handlers: ReadonlyMap<string, EventHandler>,
): DecodedEvent {
  let json: unknown;
  try {
    json = JSON.parse(message.value?.toString() ?? '');
  } catch {
    return { kind: 'reject', reason: 'value is not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { kind: 'reject', reason: `not an event envelope: ${describe(envelope.error.issues)}` };
  }
  const { type, version } = envelope.data;
  const handler = handlers.get(type);
  if (!handler) return { kind: 'ignore' };
  if (handler.contract.version !== version) {
    return {
      kind: 'reject',
      reason: `unsupported version ${version} of ${type} (handles ${handler.contract.version})`,
      type,
    };
  }
  const payload = handler.contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      kind: 'reject',
      reason: `invalid ${type} payload: ${describe(payload.error.issues)}`,
      type,
    };
  }
  return { kind: 'handle', handler, event: { ...envelope.data, payload: payload.data } };
}

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
