import { z } from 'zod';
import { moneySchema } from '../money.js';
import { TOPICS } from '../topics.js';
import { defineEvent } from './event-contract.js';

const catalogEntry = z.object({
  productId: z.uuid(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  categoryId: z.string(),
  price: moneySchema,
  imageUrl: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
});

/** A product was added to the catalog. */
export const ProductCreated = defineEvent({
  type: 'ProductCreated',
  version: 1,
  topic: TOPICS.productEvents,
  payload: catalogEntry,
});

/** A product's descriptive data changed; carries the whole new state. */
export const ProductUpdated = defineEvent({
  type: 'ProductUpdated',
  version: 1,
  topic: TOPICS.productEvents,
  payload: catalogEntry,
});

/** A product's list price changed. */
export const ProductPriceChanged = defineEvent({
  type: 'ProductPriceChanged',
  version: 1,
  topic: TOPICS.productEvents,
  payload: z.object({ productId: z.uuid(), previousPrice: moneySchema, price: moneySchema }),
});
