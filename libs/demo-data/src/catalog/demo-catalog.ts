import { DEMO_CATEGORIES, DEMO_PRODUCTS_PER_CATEGORY, demoSku } from '../demo-categories.js';
import { demoProductId } from '../demo-product-id.js';
import type { Assortment, Draw, ProductLine } from './demo-assortment.js';
import { DEMO_ASSORTMENTS } from './demo-assortments.js';
import type { DemoProduct } from './demo-product.js';
import { deterministicRandom } from './deterministic-random.js';

const CENT_ENDINGS = [99, 99, 95, 49] as const;
const MAX_STOCK = 200;

/**
 * The demo catalog: {@link DEMO_PRODUCTS_PER_CATEGORY} products in each of the
 * {@link DEMO_CATEGORIES}, SKUs `<prefix>-0001` onwards. Everything that looks random (prices,
 * stock, colours) is drawn from a sequence seeded by the SKU, so the catalog is the same on every
 * call, every start and every machine, and other services can rely on it.
 */
export function demoCatalog(): DemoProduct[] {
  return DEMO_CATEGORIES.flatMap((category) =>
    Array.from({ length: DEMO_PRODUCTS_PER_CATEGORY }, (_, index) => {
      const sku = demoSku(category.skuPrefix, index + 1);
      return demoProduct(sku, index, category.id, DEMO_ASSORTMENTS[category.id]);
    }),
  );
}

function demoProduct(
  sku: string,
  index: number,
  categoryId: DemoProduct['categoryId'],
  assortment: Assortment,
): DemoProduct {
  const random = deterministicRandom(sku);
  const draw: Draw = (options) => options[Math.floor(random() * options.length)]!;
  const prefix = assortment.prefixes[index % assortment.prefixes.length]!;
  const line = assortment.lines[index % assortment.lines.length]!;
  const attributes = { ...line.traits, ...assortment.attributes(prefix, draw) };
  const byWhom = attributes.brand ?? attributes.author;
  return {
    id: demoProductId(sku),
    sku,
    name: `${prefix} ${line.kind}`,
    description: byWhom ? `${line.pitch} By ${byWhom}.` : line.pitch,
    categoryId,
    price: { amount: listPrice(line, random, draw), currency: 'EUR' },
    stock: startingStock(index + 1, random),
    attributes,
    imageUrl: `https://picsum.photos/seed/${sku}/400/400`,
  };
}

/** Whole euros within the line's range, minus a shop-like ending: 59.99, 34.95, 120.49. */
function listPrice(line: ProductLine, random: () => number, draw: Draw): number {
  const [min, max] = line.euros;
  const euros = min + Math.floor(random() * (max - min + 1));
  return euros * 100 - (100 - draw(CENT_ENDINGS));
}

/**
 * Most products have plenty; every 11th is sold out and every 7th is down to its last few units,
 * so the demo shows "out of stock" and a race for the last unit without any setup.
 */
function startingStock(n: number, random: () => number): number {
  if (n % 11 === 0) return 0;
  if (n % 7 === 0) return 1 + Math.floor(random() * 5);
  return 10 + Math.floor(random() * (MAX_STOCK - 10 + 1));
}
