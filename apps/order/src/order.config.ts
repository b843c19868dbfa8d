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
  PRODUCT_URL: httpUrlVariable(local(SERVICES.product.port)),
  PROMOTION_URL: httpUrlVariable(local(SERVICES.promotion.port)),
  /** The deadline of each call to product or promotion while an order is placed. */
  DOWNSTREAM_TIMEOUT_MS: millisecondsVariable(2_000),
});

export type OrderConfig = z.output<typeof orderConfigSchema>;
