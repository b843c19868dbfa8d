import type { EventEnvelope } from '#libs/contracts';

/** An unpublished row of `outbox_messages`, as the relay reads it. */
export interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope;
}
