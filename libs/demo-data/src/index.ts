export { demoCatalog } from './catalog/demo-catalog.js';
export type { DemoProduct } from './catalog/demo-product.js';
export {
  DEMO_CATEGORIES,
  DEMO_PRODUCTS_PER_CATEGORY,
  demoSku,
  type DemoCategoryId,
} from './demo-categories.js';
export { demoProductId } from './demo-product-id.js';
