import { demoCatalog } from '#libs/demo-data';
import { isolatedDatabase } from '../../../../../test/support/isolated-database.js';
import { outboxEvents } from '../../../test/outbox-events.js';
import { type ProductTestApp, startProductApp } from '../../../test/product-test-app.js';

describe('seeding the demo catalog', () => {
  const catalog = demoCatalog();
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: ProductTestApp | undefined;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    app = await startProductApp(database.url);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const stockById = async () => {
    const rows: { id: string; onHand: number }[] = await database.dataSource.query(
      'SELECT product_id AS id, on_hand AS "onHand" FROM inventory',
    );
    return new Map(rows.map((row) => [row.id, row.onHand]));
  };

  it('loads every demo product with its stock on first start', async () => {
    const stock = await stockById();
    expect(stock.size).toBe(catalog.length);
    expect(catalog.every((product) => stock.get(product.id) === product.stock)).toBe(true);
  });

  it('announces every demo product with a ProductCreated event through the outbox', async () => {
    const events = await outboxEvents(database.dataSource, 'ProductCreated');
    expect(events.map((event) => event.key).sort()).toEqual(catalog.map((p) => p.id).sort());
    const first = catalog[0]!;
    expect(events.find((event) => event.key === first.id)!.payload).toEqual({
      productId: first.id,
      sku: first.sku,
      name: first.name,
      description: first.description,
      categoryId: first.categoryId,
      price: first.price,
      imageUrl: first.imageUrl,
      attributes: first.attributes,
    });
  });

  it('changes nothing on a restart, keeping what happened since', async () => {
    const restocked = catalog[0]!;
    await app!.post(`/products/${restocked.id}/restock`, { quantity: 10 });
    await app!.close();
    app = undefined;

    app = await startProductApp(database.url);
    const stock = await stockById();
    expect(stock.size).toBe(catalog.length);
    expect(stock.get(restocked.id)).toBe(restocked.stock + 10);
    expect(await outboxEvents(database.dataSource, 'ProductCreated')).toHaveLength(catalog.length);
  }, 60_000);
});
