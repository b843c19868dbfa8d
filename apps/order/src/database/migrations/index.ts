import type { MigrationInterface } from 'typeorm';
import { CreateOrders1764100000000 } from './create-orders.migration.js';

/** The order schema's migrations, oldest first; applied at start-up. */
export const orderMigrations: (new () => MigrationInterface)[] = [CreateOrders1764100000000];
