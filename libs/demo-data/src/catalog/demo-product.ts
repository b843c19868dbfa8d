import type { DemoCategoryId } from '../demo-categories.js';

/** One product of the demo catalog, with its starting stock. */
export interface DemoProduct {
  /** `demoProductId(sku)`: every service derives the same id without asking the catalog. */
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: DemoCategoryId;
  /** List price in euro cents. */
  price: { amount: number; currency: 'EUR' };
  /** Units on hand when the catalog is first seeded; a few products start sold out. */
  stock: number;
  attributes: Record<string, string>;
  imageUrl: string;
}
