import type { MigrationInterface } from 'typeorm';
import { AllowInjectedFaultFailures1764100003000 } from './allow-injected-fault-failures.migration.js';
import { CreateCatalog1764100000000 } from './create-catalog.migration.js';
import { CreateInventory1764100001000 } from './create-inventory.migration.js';
import { CreateStockReservations1764100002000 } from './create-stock-reservations.migration.js';

/** The product schema's migrations, oldest first; applied at start-up. */
export const productMigrations: (new () => MigrationInterface)[] = [
  CreateCatalog1764100000000,
  CreateInventory1764100001000,
  CreateStockReservations1764100002000,
  AllowInjectedFaultFailures1764100003000,
];
