import type { ServiceDefinition } from '#libs/service-defaults';
import { OrderApiDocsModule } from './api-docs/order-api-docs.module.js';
import { type OrderConfig, orderConfigSchema } from './order.config.js';
import { orderMigrations } from './database/migrations/index.js';
import { OrdersModule } from './orders/orders.module.js';

/**
 * Orders and their placement: the orchestrator of the placement saga, which reserves stock
 * (product) and redeems coupons (promotion) through commands and replies on Kafka.
 */
export const orderService: ServiceDefinition<OrderConfig> = {
  name: 'order',
  configSchema: orderConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: orderMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: (config) => [OrdersModule.consuming(config.SAGA_CONSUMER_GROUP), OrderApiDocsModule],
};
