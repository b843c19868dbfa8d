import { adminOperations } from './operations/admin.operations.js';
import { authOperations } from './operations/auth.operations.js';
import { catalogOperations } from './operations/catalog.operations.js';
import { orderOperations } from './operations/orders.operations.js';
import type { PublicOperation } from './public-operation.js';

/** Every public route of the gateway, in the order the docs list them. */
export const PUBLIC_API: PublicOperation[] = [
  ...authOperations,
  ...catalogOperations,
  ...orderOperations,
  ...adminOperations,
];
