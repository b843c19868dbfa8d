import { z } from 'zod';
import {
  httpUrlVariable,
  kafkaBrokersVariable,
  millisecondsVariable,
  postgresUrlVariable,
  serviceEnvSchema,
} from '#libs/config';
import { SERVICES } from '#libs/contracts';

const local = (port: number) => `http://127.0.0.1:${port}`;

/** Everything the order service reads from its environment, validated at boot. */
export const orderConfigSchema = serviceEnvSchema(SERVICES.order.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
  /**
   * No longer read: the saga talks to product over Kafka. Kept declared while deployments still
   * set it, so the unknown-variable check does not flag it; remove it together with them.
   */
  PRODUCT_URL: httpUrlVariable(local(SERVICES.product.port)),
  PROMOTION_URL: httpUrlVariable(local(SERVICES.promotion.port)),
  /** The deadline of each call to promotion for a price quote while an order is placed. */
  DOWNSTREAM_TIMEOUT_MS: millisecondsVariable(2_000),
  /** How long a saga step waits for its participant's reply before its command is resent. */
  SAGA_STEP_TIMEOUT_MS: millisecondsVariable(5_000),
  /** From placement: a saga that has not confirmed its order by then compensates (ORDER.SAGA_TIMEOUT). */
  SAGA_DEADLINE_MS: millisecondsVariable(30_000),
  /** How often the sweeper looks for sagas whose step is due (and resumes them after a restart). */
  SAGA_SWEEP_INTERVAL_MS: millisecondsVariable(1_000),
  /** Attempts of a compensation, with exponential backoff, before the saga parks in COMPENSATION_FAILED. */
  SAGA_COMPENSATION_MAX_ATTEMPTS: z.coerce
    .number({ message: 'must be a whole number from 1 to 20' })
    .int({ message: 'must be a whole number from 1 to 20' })
    .min(1, { message: 'must be a whole number from 1 to 20' })
    .max(20, { message: 'must be a whole number from 1 to 20' })
    .default(6),
  // The consumer group that reads the participants' replies. Every replica shares it; a test suite
  // sharing a broker with others needs a group of its own, or the group would split the
  // partitions between databases that know different orders.
  SAGA_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
    .default('order.saga'),
});

export type OrderConfig = z.output<typeof orderConfigSchema>;
