import { DEMO_CATEGORIES, DEMO_PRODUCTS_PER_CATEGORY } from '../demo-categories.js';
import { demoProductId } from '../demo-product-id.js';
import { demoCatalog } from './demo-catalog.js';

describe('demoCatalog', () => {
  const catalog = demoCatalog();

  it('is the same catalog on every call', () => {
    expect(demoCatalog()).toEqual(catalog);
  });

  it('has 30 products in each of the 8 categories, 240 in all', () => {
    expect(catalog).toHaveLength(240);
    for (const category of DEMO_CATEGORIES) {
      expect(catalog.filter((p) => p.categoryId === category.id)).toHaveLength(
        DEMO_PRODUCTS_PER_CATEGORY,
      );
    }
  });

  it('gives every product its own SKU, id and name', () => {
    expect(new Set(catalog.map((p) => p.sku)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.name)).size).toBe(catalog.length);
  });

  it('derives each id from the SKU, so other services can compute it', () => {
    expect(catalog.every((p) => p.id === demoProductId(p.sku))).toBe(true);
  });

  it('numbers SKUs with the category prefix from 0001', () => {
    const electronics = catalog.filter((p) => p.categoryId === 'electronics');
    expect(electronics[0]!.sku).toBe('ELEC-0001');
    expect(electronics.at(-1)!.sku).toBe('ELEC-0030');
  });

  it('prices in euro cents with shop-like endings', () => {
    for (const { price } of catalog) {
      expect(price.currency).toBe('EUR');
      expect(Number.isInteger(price.amount)).toBe(true);
      expect(price.amount).toBeGreaterThan(0);
      expect([49, 95, 99]).toContain(price.amount % 100);
    }
  });

  it('keeps prices varied rather than one value per product line', () => {
    expect(new Set(catalog.map((p) => p.price.amount)).size).toBeGreaterThan(150);
  });

  it('stocks between 0 and 200 units, with a few products sold out', () => {
    expect(catalog.every((p) => Number.isInteger(p.stock) && p.stock >= 0 && p.stock <= 200)).toBe(
      true,
    );
    const soldOut = catalog.filter((p) => p.stock === 0).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut).toBeLessThan(catalog.length / 10);
  });

  it('gives every product attributes, a description and a placeholder image of its own', () => {
    for (const product of catalog) {
      expect(Object.keys(product.attributes).length).toBeGreaterThan(0);
      expect(product.description.length).toBeGreaterThan(20);
      expect(product.imageUrl).toBe(`https://picsum.photos/seed/${product.sku}/400/400`);
    }
  });
});
