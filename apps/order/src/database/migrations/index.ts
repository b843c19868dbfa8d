import type { MigrationInterface } from 'typeorm';
import { CreateOrderSagas1764200000000 } from './create-order-sagas.migration.js';
import { CreateOrders1764100000000 } from './create-orders.migration.js';

/** The order schema's migrations, oldest first; applied at start-up. */
export const orderMigrations: (new () => MigrationInterface)[] = [
  CreateOrders1764100000000,
  CreateOrderSagas1764200000000,
];
