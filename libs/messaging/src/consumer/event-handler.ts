import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope, PayloadOf } from '#libs/contracts';

/**
 * Reacts to one kind of event. `handle` runs inside the inbox transaction: its writes and the
 * record that this event was handled commit together, so a redelivered event has no second effect.
 * Name handlers for what they do and when: `ReleaseStockWhenOrderCancelled`.
 */
export interface EventHandler<Contract extends EventContract = EventContract> {
  readonly contract: Contract;
  handle(event: EventEnvelope<PayloadOf<Contract>>, transaction: EntityManager): Promise<void>;
}
